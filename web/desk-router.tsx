import type { ConfigResponse } from '../shared/api.ts';
import type { Screen } from './flow.ts';
import { BootScreen } from './screens/boot.tsx';
import { useDeskScreens } from './use-desk-screens.ts';

export type DeskScreen = Extract<Screen, { name: 'shift' | 'shift-open' | 'shift-close' | 'z-report' | 'shifts' }>;

const deskScreenNames: ReadonlySet<Screen['name']> = new Set(['shift', 'shift-open', 'shift-close', 'z-report', 'shifts']);

export function isDeskScreen(screen: Screen): screen is DeskScreen {
  return deskScreenNames.has(screen.name);
}

interface DeskRouterProps {
  screen: DeskScreen;
  config: ConfigResponse;
  show: (screen: Screen) => void;
}

/** The cash desk's screens, from their own chunk (screens/desk.ts). */
export function DeskRouter({ screen, config, show }: DeskRouterProps) {
  const screens = useDeskScreens();
  if (!screens) return <BootScreen />;
  switch (screen.name) {
    case 'shift':
      return <screens.ShiftScreen config={config} show={show} />;
    case 'shift-open':
      return <screens.ShiftOpenScreen config={config} show={show} />;
    case 'shift-close':
      return <screens.ShiftCloseScreen shift={screen.shift} config={config} show={show} />;
    case 'z-report':
      return <screens.ZReportScreen shiftId={screen.shiftId} back={screen.back} show={show} />;
    case 'shifts':
      return <screens.ShiftsScreen show={show} />;
  }
}
