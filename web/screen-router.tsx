import type { ConfigResponse, User } from '../shared/api.ts';
import { DeskRouter, isDeskScreen, type DeskScreen } from './desk-router.tsx';
import { AdminScreen } from './admin-screen.tsx';
import type { FlowControl, Screen } from './flow.ts';
import { AmountScreen } from './screens/amount.tsx';
import { BootScreen } from './screens/boot.tsx';
import { OfflineScreen } from './screens/offline.tsx';
import { SignInScreen } from './screens/signin.tsx';
import type { Settings } from './settings.ts';
import type { Storage } from './storage.ts';
import type { DeferredScreens } from './use-deferred-screens.ts';
import type { Session } from './use-session.ts';

interface ScreenRouterProps {
  session: Session;
  screen: Screen;
  /** The post-sign-in screens, once their chunk has loaded. */
  deferred: DeferredScreens | null;
  flow: FlowControl;
  settings: Settings;
  storage: Storage;
  onSettings: (settings: Settings) => void;
  onSignedIn: (user: User) => void;
  onSignedOut: () => void;
  onRetry: () => void;
  onHomeBusy: (busy: boolean) => void;
}

/** The one screen to show: the session's own until a cashier is signed in, then the cashier's. */
export function ScreenRouter(props: ScreenRouterProps) {
  const { session, screen, deferred, settings, onSettings } = props;
  switch (session.phase) {
    case 'boot':
      return <BootScreen />;
    case 'offline':
      return <OfflineScreen onRetry={props.onRetry} />;
    case 'signin':
      return (
        <SignInScreen language={settings.language} onLanguage={(language) => onSettings({ ...settings, language })} onSignedIn={props.onSignedIn} />
      );
  }
  if (screen.name === 'amount') {
    return <AmountScreen config={session.config} flow={props.flow} notice={screen.notice} prefill={screen.prefill} onBusyChange={props.onHomeBusy} />;
  }
  if (isDeskScreen(screen)) return <DeskRouter screen={screen} config={session.config} show={props.flow.show} />;
  if (!deferred) return <BootScreen />;
  return (
    <CashierScreen
      screens={deferred}
      screen={screen}
      user={session.user}
      config={session.config}
      flow={props.flow}
      settings={settings}
      storage={props.storage}
      onSettings={onSettings}
      onSignedOut={props.onSignedOut}
    />
  );
}

interface CashierScreenProps {
  screens: DeferredScreens;
  screen: Exclude<Screen, { name: 'amount' } | DeskScreen>;
  user: User;
  config: ConfigResponse;
  flow: FlowControl;
  settings: Settings;
  storage: Storage;
  onSettings: (settings: Settings) => void;
  onSignedOut: () => void;
}

/** The screens loaded after sign-in (screens/deferred.ts). */
function CashierScreen({ screens, screen, user, config, flow, settings, storage, onSettings, onSignedOut }: CashierScreenProps) {
  switch (screen.name) {
    case 'scan':
      return <screens.ScanScreen cashout={screen.cashout} notice={screen.notice} refused={screen.refused} flow={flow} settings={settings} />;
    case 'verify':
      return <screens.VerifyScreen cashout={screen.cashout} notice={screen.notice} config={config} flow={flow} />;
    case 'checking':
      return <screens.CheckingScreen cashout={screen.cashout} notice={screen.notice} flow={flow} />;
    case 'give-cash':
      return <screens.GiveCashScreen cashout={screen.cashout} shopName={config.shopName} feedback={settings} flow={flow} />;
    case 'error':
      return (
        <screens.ErrorScreen failure={screen.failure} cashout={screen.cashout} next={screen.next} refused={screen.refused} triesLeft={screen.triesLeft} flow={flow} />
      );
    case 'history':
      return <screens.HistoryScreen user={user} storage={storage} shopName={config.shopName} show={flow.show} />;
    case 'report':
      return <screens.ReportScreen show={flow.show} />;
    case 'settings':
      return <screens.SettingsScreen user={user} settings={settings} onChange={onSettings} onSignedOut={onSignedOut} show={flow.show} />;
    case 'accounts':
    case 'locations':
      return <AdminScreen name={screen.name} user={user} show={flow.show} />;
  }
}
