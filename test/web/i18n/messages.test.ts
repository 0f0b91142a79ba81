import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../../shared/errors.ts';
import { en, type Messages } from '../../../web/i18n/en.ts';
import { et } from '../../../web/i18n/et.ts';
import { etErrors } from '../../../web/i18n/et-errors.ts';
import { locales } from '../../../web/i18n/index.ts';
import { lt } from '../../../web/i18n/lt.ts';
import { ltErrors } from '../../../web/i18n/lt-errors.ts';
import { lv } from '../../../web/i18n/lv.ts';
import { lvErrors } from '../../../web/i18n/lv-errors.ts';
import type { ErrorTexts } from '../../../web/i18n/packs.ts';
import { ru } from '../../../web/i18n/ru.ts';
import { ruErrors } from '../../../web/i18n/ru-errors.ts';
import { languages, type Language } from '../../../web/settings.ts';

const messages: Record<Language, Messages> = { en, lt, lv, et, ru };
const errors: Record<Exclude<Language, 'en'>, ErrorTexts> = { lt: ltErrors, lv: lvErrors, et: etErrors, ru: ruErrors };
const translated = languages.filter((language) => language !== 'en');

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))].sort();
}

/** Every text of a message: the message itself, or each of its plural forms. */
function texts(message: string | Record<string, string>): string[] {
  return typeof message === 'string' ? [message] : Object.values(message);
}

describe('translations', () => {
  it('are listed for every language the settings offer', () => {
    expect(Object.keys(messages).sort()).toEqual([...languages].sort());
  });

  it.each(translated)('%s has exactly the keys English has, none missing and none extra', (language) => {
    expect(Object.keys(messages[language]).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(languages)('%s has no empty strings', (language) => {
    for (const [key, message] of Object.entries(messages[language])) for (const text of texts(message)) expect(text.trim(), key).not.toBe('');
  });

  it.each(translated)('%s uses the placeholders English uses, in every form', (language) => {
    for (const [key, message] of Object.entries(en)) {
      const expected = placeholders(typeof message === 'string' ? message : message.other);
      for (const text of texts(messages[language][key as keyof typeof en])) expect(placeholders(text), `${language} ${key}`).toEqual(expected);
    }
  });

  it.each(languages)('%s has every plural form its plural rules use, and no other, for every counted message', (language) => {
    const categories = new Intl.PluralRules(locales[language]).resolvedOptions().pluralCategories;
    const plural = Object.entries(en).filter(([, message]) => typeof message !== 'string');
    expect(plural.length).toBeGreaterThan(0);
    for (const [key] of plural) {
      const message = messages[language][key as keyof typeof en];
      expect(typeof message, `${language} ${key}`).toBe('object');
      expect(Object.keys(message).sort(), `${language} ${key}`).toEqual([...categories].sort());
    }
  });

  it.each(translated)('%s says every plain English message plainly (no plural forms where English has none)', (language) => {
    for (const [key, message] of Object.entries(en)) {
      if (typeof message === 'string') expect(typeof messages[language][key as keyof typeof en], `${language} ${key}`).toBe('string');
    }
  });

  it.each(translated)('%s translates every server error code, message and action', (language) => {
    expect(Object.keys(errors[language]).sort()).toEqual(Object.keys(errorCatalogue).sort());
    for (const [code, { message, action }] of Object.entries(errors[language])) {
      expect(message.trim(), `${language} ${code}`).not.toBe('');
      expect(action.trim(), `${language} ${code}`).not.toBe('');
    }
  });
});
