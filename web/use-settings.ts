import { useState } from 'preact/hooks';
import { setLanguage } from './i18n/index.ts';
import { saveSettings, type Settings } from './settings.ts';

/** The device's settings; a change is saved and the language switched at once. */
export function useSettings(initial: Settings): [Settings, (next: Settings) => void] {
  const [settings, setSettings] = useState(initial);
  function change(next: Settings) {
    saveSettings(next);
    setLanguage(next.language);
    setSettings(next);
  }
  return [settings, change];
}
