// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { language, loadLanguage, setLanguage, t } from '../../web/i18n/index.ts';
import { loadSettings, type Settings } from '../../web/settings.ts';
import { useSettings } from '../../web/use-settings.ts';
import { mount } from './screens/render.ts';

const initial: Settings = { language: 'en', cameraId: null, sound: true, successSound: true, successVibration: true };
let change: (next: Settings) => void = () => undefined;
let screen: ReturnType<typeof mount> | undefined;

function Harness() {
  const [settings, setSettings] = useSettings(initial);
  change = setSettings;
  return (
    <p data-testid="shown" data-language={settings.language}>
      {t('signin.submit')}
    </p>
  );
}

/** Lets a language chunk's import and the hook's reaction to it finish. */
async function settle(...languages: Parameters<typeof loadLanguage>[0][]): Promise<void> {
  await act(async () => {
    await Promise.all(languages.map((chosen) => loadLanguage(chosen)));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

afterEach(() => {
  screen?.unmount();
  setLanguage('en');
  localStorage.clear();
});

describe('useSettings', () => {
  it('switches to a lazily loaded language once it has arrived, and keeps the choice', async () => {
    screen = mount(<Harness />);
    act(() => change({ ...initial, language: 'ru' }));
    await settle('ru');
    expect(screen.byTestId('shown').textContent).toBe('Войти');
    expect(screen.byTestId('shown').dataset.language).toBe('ru');
    expect(language()).toBe('ru');
    expect(loadSettings().language).toBe('ru');
  });

  it('lets the last choice win when a lazily loaded one arrives after it', async () => {
    screen = mount(<Harness />);
    act(() => change({ ...initial, language: 'lv' }));
    act(() => change({ ...initial, language: 'lt' }));
    await settle('lv');
    expect(screen.byTestId('shown').textContent).toBe('Prisijungti');
    expect(language()).toBe('lt');
    expect(loadSettings().language).toBe('lt');
  });
});
