import { useRef, useState } from 'preact/hooks';
import { isLanguageLoaded, loadLanguage, setLanguage } from './i18n/index.ts';
import { saveSettings, type Settings } from './settings.ts';

/**
 * The device's settings; a change is saved and the language switched at once, or as soon as a
 * lazily loaded language has arrived (the last choice wins if the cashier picks again meanwhile).
 */
export function useSettings(initial: Settings): [Settings, (next: Settings) => void] {
  const [settings, setSettings] = useState(initial);
  const latest = useRef(0);
  function apply(next: Settings) {
    saveSettings(next);
    setLanguage(next.language);
    setSettings(next);
  }
  function change(next: Settings) {
    const request = ++latest.current;
    if (isLanguageLoaded(next.language)) {
      apply(next);
      return;
    }
    loadLanguage(next.language).then(
      () => {
        if (request === latest.current) apply(next);
      },
      // Not fetched (offline before the app was installed): the picker goes back to the language still in use.
      () => {
        if (request === latest.current) setSettings((shown) => ({ ...shown }));
      },
    );
  }
  return [settings, change];
}
