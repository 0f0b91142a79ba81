import { useEffect, useState } from 'preact/hooks';
import type { User } from '../../shared/api.ts';
import { api } from '../api.ts';
import { LanguageSelect } from '../components/language-select.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import type { Screen } from '../flow.ts';
import { t } from '../i18n/index.ts';
import type { Settings } from '../settings.ts';

interface SettingsProps {
  user: User;
  settings: Settings;
  onChange: (settings: Settings) => void;
  onSignedOut: () => void;
  show: (screen: Screen) => void;
}

/** The on/off settings, each a labelled switch: the scan beep, and the chime and buzz when cash may be given. */
const switches: readonly { name: 'sound' | 'successSound' | 'successVibration'; testId?: string }[] = [
  { name: 'sound' },
  { name: 'successSound', testId: 'settings-success-sound' },
  { name: 'successVibration', testId: 'settings-success-vibration' },
];

async function videoInputs(): Promise<MediaDeviceInfo[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((device) => device.kind === 'videoinput' && device.deviceId !== '');
}

export function SettingsScreen({ user, settings, onChange, onSignedOut, show }: SettingsProps) {
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);

  useEffect(() => {
    videoInputs().then(setCameras, () => setCameras([]));
  }, []);

  async function signOut() {
    // Signing out locally must work offline too; the server session then simply idles out.
    await api.signOut().catch(() => undefined);
    onSignedOut();
  }

  return (
    <ScreenFrame name="settings" title={t('settings.title')} onBack={() => show({ name: 'amount' })}>
      <LanguageSelect value={settings.language} onChange={(language) => onChange({ ...settings, language })} />
      <div class="field">
        <label for="settings-camera">{t('settings.camera')}</label>
        <select
          id="settings-camera"
          value={settings.cameraId ?? ''}
          onChange={(event) => onChange({ ...settings, cameraId: event.currentTarget.value || null })}
        >
          <option value="">{t('settings.cameraDefault')}</option>
          {cameras.map((camera, index) => (
            <option key={camera.deviceId} value={camera.deviceId}>
              {camera.label || `${t('settings.camera')} ${index + 1}`}
            </option>
          ))}
        </select>
        {cameras.some((camera) => camera.label === '') && <p class="hint">{t('settings.cameraHint')}</p>}
      </div>
      {switches.map(({ name, testId }) => (
        <label class="check" key={name}>
          <input type="checkbox" data-testid={testId} checked={settings[name]} onChange={(event) => onChange({ ...settings, [name]: event.currentTarget.checked })} />
          <span>{t(`settings.${name}` as const)}</span>
        </label>
      ))}
      {user.role === 'admin' && (
        <div class="tools">
          <button type="button" class="button button--secondary" data-testid="accounts-open" onClick={() => show({ name: 'accounts' })}>
            {t('accounts.title')}
          </button>
          <button type="button" class="button button--secondary" data-testid="locations-open" onClick={() => show({ name: 'locations' })}>
            {t('locations.title')}
          </button>
        </div>
      )}
      <p>{t('amount.signedInAs', { user: user.username })}</p>
      <button type="button" class="button button--secondary button--wide" onClick={signOut}>
        {t('settings.signOut')}
      </button>
    </ScreenFrame>
  );
}
