import type { Language } from '../settings.ts';
import type { MessageKey } from './en.ts';
import { englishPack, loadedPack, loadPack } from './packs.ts';
import type { Failure } from '../failure.ts';

export type { Language, MessageKey };

export const locales: Record<Language, string> = { en: 'en-GB', lt: 'lt-LT', lv: 'lv-LV', et: 'et-EE', ru: 'ru-RU' };

/** Each language named in itself, so a cashier finds their own in any UI language. */
export const languageNames: Record<Language, string> = { en: 'English', lt: 'Lietuvių', lv: 'Latviešu', et: 'Eesti', ru: 'Русский' };

let current: Language = 'en';
let pack = englishPack;
let plurals = new Intl.PluralRules(locales.en);
let numbers = new Intl.NumberFormat(locales.en);

/** Whether `setLanguage` can switch to it now; otherwise `loadLanguage` first. */
export function isLanguageLoaded(language: Language): boolean {
  return loadedPack(language) !== undefined;
}

export async function loadLanguage(language: Language): Promise<void> {
  await loadPack(language);
}

export function setLanguage(language: Language): void {
  const next = loadedPack(language);
  if (!next) throw new Error(`The ${language} strings are not loaded yet`);
  current = language;
  pack = next;
  plurals = new Intl.PluralRules(locales[language]);
  numbers = new Intl.NumberFormat(locales[language]);
  document.documentElement.lang = language;
}

export function language(): Language {
  return current;
}

/** Fills `{name}` from params (numbers in the language's digits); a plural message takes the form `{count}` calls for. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const message = pack.messages[key];
  const text = typeof message === 'string' ? message : (message[plurals.select(Number(params.count))] ?? message.other);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

export function formatNumber(value: number): string {
  return numbers.format(value);
}

/** Formats a canonical decimal string exactly: Intl takes the string, so no float ever rounds it. */
export function formatMoney(amount: string, currency: string): string {
  return new Intl.NumberFormat(locales[current], { style: 'currency', currency }).format(amount as `${number}`);
}

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(locales[current], { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locales[current], { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

/** English shows the server's own words (they may be more specific); other languages translate by code. */
export function describeFailure(failure: Failure): { message: string; action: string } {
  if (failure.kind === 'local') {
    return { message: t(`failure.${failure.code}.message`), action: t(`failure.${failure.code}.action`) };
  }
  return pack.errors?.[failure.code] ?? { message: failure.message, action: failure.action };
}

/** The amount as typed so far ("19.", "19.9"), in the locale's currency style, keeping what was typed visible. */
export function formatTypedAmount(input: string, currency: string): string {
  const [whole = '', fraction = ''] = input.split('.');
  const digits = fraction.length;
  const format = new Intl.NumberFormat(locales[current], {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  const parts = format.formatToParts(`${whole || '0'}${digits > 0 ? `.${fraction}` : ''}` as `${number}`);
  if (!input.endsWith('.')) return parts.map((part) => part.value).join('');
  const separator = decimalSeparator();
  const lastDigits = parts.findLastIndex((part) => part.type === 'integer');
  return parts.map((part, index) => (index === lastDigits ? part.value + separator : part.value)).join('');
}

/** The decimal separator the cashier reads in amounts: "." in English, "," in the Baltic languages and Russian. */
export function decimalSeparator(): string {
  return new Intl.NumberFormat(locales[current]).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}
