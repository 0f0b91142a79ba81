import type { Settings } from '../settings.ts';
import { en, type MessageKey } from './en.ts';
import { lt } from './lt.ts';
import { ltErrors } from './lt-errors.ts';
import type { Failure } from '../failure.ts';

export type Language = Settings['language'];
export type { MessageKey };

const messages: Record<Language, Record<MessageKey, string>> = { en, lt };
const locales: Record<Language, string> = { en: 'en-GB', lt: 'lt-LT' };

/** Each language named in itself, so a cashier finds their own in any UI language. */
export const languageNames: Record<Language, string> = { en: 'English', lt: 'Lietuvių' };

let current: Language = 'en';

export function setLanguage(language: Language): void {
  current = language;
  document.documentElement.lang = language;
}

export function language(): Language {
  return current;
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return messages[current][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
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
  if (current === 'en') return { message: failure.message, action: failure.action };
  return ltErrors[failure.code];
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

/** The decimal separator the cashier reads in amounts: "." in English, "," in Lithuanian. */
export function decimalSeparator(): string {
  return new Intl.NumberFormat(locales[current]).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}
