// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api.ts';
import type { Screen } from '../../../web/flow.ts';
import { SettingsScreen } from '../../../web/screens/settings.tsx';
import type { Settings } from '../../../web/settings.ts';
import { mount } from './render.ts';

const settings: Settings = { language: 'en', cameraId: null, sound: false, successSound: false, successVibration: false };
let screen: ReturnType<typeof mount> | undefined;

afterEach(() => screen?.unmount());

function settingsOf(role: Role, shown: Screen[] = []) {
  return mount(
    <SettingsScreen user={{ username: 'ona', role }} settings={settings} onChange={() => undefined} onSignedOut={() => undefined} show={(next) => shown.push(next)} />,
  );
}

describe('settings, the way to the admin screens', () => {
  it('opens accounts and locations for an administrator', () => {
    const shown: Screen[] = [];
    screen = settingsOf('admin', shown);
    screen.click(screen.byTestId('accounts-open'));
    screen.click(screen.byTestId('locations-open'));
    expect(shown).toEqual([{ name: 'accounts' }, { name: 'locations' }]);
  });

  it.each(['cashier', 'supervisor'] as const)('offers a %s neither', (role) => {
    screen = settingsOf(role);
    expect(screen.has('accounts-open')).toBe(false);
    expect(screen.has('locations-open')).toBe(false);
  });
});
