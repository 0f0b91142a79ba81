import type { ErrorCode } from '../../shared/errors.ts';
import type { Language } from '../settings.ts';
import { en, type Messages } from './en.ts';
import { lt } from './lt.ts';
import { ltErrors } from './lt-errors.ts';

export type ErrorTexts = Record<ErrorCode, { message: string; action: string }>;

/** A language's UI strings and its words for the server's error codes; null: show the server's own (English) words. */
export interface LanguagePack {
  messages: Messages;
  errors: ErrorTexts | null;
}

type LazyLanguage = Exclude<Language, 'en' | 'lt'>;

export const englishPack: LanguagePack = { messages: en, errors: null };

const loaded: Partial<Record<Language, LanguagePack>> = { en: englishPack, lt: { messages: lt, errors: ltErrors } };

/**
 * Latvian, Estonian and Russian are fetched when chosen, so English and Lithuanian users never pay
 * for them in the first load; the service worker precaches these chunks like every other script.
 */
const loaders: Record<LazyLanguage, () => Promise<LanguagePack>> = {
  lv: async () => {
    const [{ lv }, { lvErrors }] = await Promise.all([import('./lv.ts'), import('./lv-errors.ts')]);
    return { messages: lv, errors: lvErrors };
  },
  et: async () => {
    const [{ et }, { etErrors }] = await Promise.all([import('./et.ts'), import('./et-errors.ts')]);
    return { messages: et, errors: etErrors };
  },
  ru: async () => {
    const [{ ru }, { ruErrors }] = await Promise.all([import('./ru.ts'), import('./ru-errors.ts')]);
    return { messages: ru, errors: ruErrors };
  },
};

const loading = new Map<Language, Promise<LanguagePack>>();

export function loadedPack(language: Language): LanguagePack | undefined {
  return loaded[language];
}

/** The language's pack, fetched once; a failed fetch (offline before the first install) may be tried again. */
export function loadPack(language: Language): Promise<LanguagePack> {
  const ready = loaded[language];
  if (ready) return Promise.resolve(ready);
  const pending = loading.get(language) ?? loaders[language as LazyLanguage]();
  loading.set(language, pending);
  return pending.then(
    (pack) => {
      loaded[language] = pack;
      return pack;
    },
    (error: unknown) => {
      loading.delete(language);
      throw error;
    },
  );
}
