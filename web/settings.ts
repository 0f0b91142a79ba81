/** Device preferences. Kept in localStorage because the language is needed before the first paint. */
export const languages = ['en', 'lt', 'lv', 'et', 'ru'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return languages.some((language) => language === value);
}

export interface Settings {
  language: Language;
  /** The camera the cashier picked; null = the rear camera the scanner chooses. */
  cameraId: string | null;
  sound: boolean;
  /** The chime and the buzz of the give-cash screen (success-feedback.ts), each of which a cashier may silence. */
  successSound: boolean;
  successVibration: boolean;
}

const key = 'kasa.settings';

/** The first of the device's preferred languages ("ru-LV", "lv") that Kasa speaks, else English. */
export function deviceLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

function defaultLanguage(): Language {
  return deviceLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function loadSettings(): Settings {
  const defaults: Settings = { language: defaultLanguage(), cameraId: null, sound: true, successSound: true, successVibration: true };
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? '{}') as Partial<Record<keyof Settings, unknown>>;
    return {
      language: isLanguage(stored.language) ? stored.language : defaults.language,
      cameraId: typeof stored.cameraId === 'string' ? stored.cameraId : null,
      sound: typeof stored.sound === 'boolean' ? stored.sound : defaults.sound,
      successSound: typeof stored.successSound === 'boolean' ? stored.successSound : defaults.successSound,
      successVibration: typeof stored.successVibration === 'boolean' ? stored.successVibration : defaults.successVibration,
    };
  } catch {
    return defaults;
  }
}

export function saveSettings(settings: Settings): void {
  try {
    localStorage.setItem(key, JSON.stringify(settings));
  } catch {
    // Storage full or blocked (private mode): the preference lasts for this session only.
  }
}
