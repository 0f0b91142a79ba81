// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  decimalSeparator,
  describeFailure,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatTypedAmount,
  isLanguageLoaded,
  language,
  loadLanguage,
  setLanguage,
  t,
} from '../../../web/i18n/index.ts';

afterEach(() => setLanguage('en'));

/** Intl separates "50,00" and "€" with a no-break space; compare with plain spaces. */
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('i18n', () => {
  it('fills parameters and leaves unknown ones visible', () => {
    expect(t('give.title', { amount: '€50.00' })).toBe('Give €50.00 to the customer');
    expect(t('give.title')).toBe('Give {amount} to the customer');
  });

  it('switches language and sets the document language', () => {
    setLanguage('lt');
    expect(t('signin.submit')).toBe('Prisijungti');
    expect(document.documentElement.lang).toBe('lt');
  });

  it('formats money exactly from the canonical string in each locale', () => {
    expect(formatMoney('50.00', 'EUR')).toBe('€50.00');
    expect(formatMoney('12345678.99', 'EUR')).toBe('€12,345,678.99');
    setLanguage('lt');
    expect(plain(formatMoney('50.00', 'EUR'))).toBe('50,00 €');
  });

  it('shows a partly typed amount as typed', () => {
    expect(formatTypedAmount('19', 'EUR')).toBe('€19');
    expect(formatTypedAmount('19.', 'EUR')).toBe('€19.');
    expect(formatTypedAmount('19.9', 'EUR')).toBe('€19.9');
    expect(formatTypedAmount('1234.50', 'EUR')).toBe('€1,234.50');
    setLanguage('lt');
    expect(plain(formatTypedAmount('19.', 'EUR'))).toBe('19, €');
  });

  it('names the decimal separator of the language for the keypad', () => {
    expect(decimalSeparator()).toBe('.');
    setLanguage('lt');
    expect(decimalSeparator()).toBe(',');
  });

  it('shows the server’s words in English and translates by code in Lithuanian', () => {
    const failure = { kind: 'server', code: 'INVALID_CODE', message: 'Server says so.', action: 'Do this.' } as const;
    expect(describeFailure(failure)).toEqual({ message: 'Server says so.', action: 'Do this.' });
    setLanguage('lt');
    expect(describeFailure(failure).message).toBe('Rezervacijos kodas netinkamas.');
    expect(describeFailure({ kind: 'local', code: 'NETWORK' }).message).toBe('Nepavyko susisiekti su serveriu.');
  });

  it('formats numbers in a message in the language’s digits', () => {
    expect(t('history.page', { from: 1, to: 20, count: 12345 })).toBe('1–20 of 12,345');
    setLanguage('lt');
    expect(plain(t('history.page', { from: 1, to: 20, count: 12345 }))).toBe('1–20 iš 12 345');
    expect(plain(formatNumber(1234))).toBe('1 234');
  });

  it('picks the plural form Intl.PluralRules names for the count', () => {
    expect(t('history.count', { count: 1 })).toBe('1 cash-out');
    expect(t('history.count', { count: 0 })).toBe('0 cash-outs');
    setLanguage('lt');
    expect(t('history.count', { count: 1 })).toBe('1 išmokėjimas');
    expect(t('history.count', { count: 3 })).toBe('3 išmokėjimai');
    expect(t('history.count', { count: 11 })).toBe('11 išmokėjimų');
    expect(t('history.count', { count: 21 })).toBe('21 išmokėjimas');
  });
});

describe('lazily loaded languages', () => {
  it('are switched to only once loaded', async () => {
    expect(isLanguageLoaded('en') && isLanguageLoaded('lt')).toBe(true);
    expect(() => setLanguage('ru')).toThrow(/not loaded/);
    expect(language()).toBe('en');
    await loadLanguage('ru');
    expect(isLanguageLoaded('ru')).toBe(true);
    setLanguage('ru');
    expect(document.documentElement.lang).toBe('ru');
    expect(t('signin.submit')).toBe('Войти');
  });

  it('use Latvian plural forms, including zero for 0, 10–20 and 30', async () => {
    await loadLanguage('lv');
    setLanguage('lv');
    expect(t('history.count', { count: 0 })).toBe('0 izmaksu');
    expect(t('history.count', { count: 1 })).toBe('1 izmaksa');
    expect(t('history.count', { count: 2 })).toBe('2 izmaksas');
    expect(t('history.count', { count: 11 })).toBe('11 izmaksu');
    expect(t('history.count', { count: 21 })).toBe('21 izmaksa');
    expect(t('history.count', { count: 30 })).toBe('30 izmaksu');
  });

  it('use Russian one, few and many', async () => {
    await loadLanguage('ru');
    setLanguage('ru');
    expect(t('error.triesLeft', { count: 1 })).toBe('Для этой выплаты осталась 1 попытка.');
    expect(t('error.triesLeft', { count: 2 })).toBe('Для этой выплаты осталось 2 попытки.');
    expect(t('error.triesLeft', { count: 5 })).toBe('Для этой выплаты осталось 5 попыток.');
    expect(t('audit.ok', { count: 21 })).toBe('Цепочка аудита цела: 21 событие.');
    expect(plain(t('audit.ok', { count: 1234 }))).toBe('Цепочка аудита цела: 1 234 события.');
  });

  it('format money, typed amounts and the decimal separator in Latvian, Estonian and Russian', async () => {
    for (const lang of ['lv', 'et', 'ru'] as const) {
      await loadLanguage(lang);
      setLanguage(lang);
      expect(plain(formatMoney('12345.50', 'EUR')), lang).toBe('12 345,50 €');
      expect(plain(formatTypedAmount('19.', 'EUR')), lang).toBe('19, €');
      expect(decimalSeparator(), lang).toBe(',');
    }
  });

  it('format dates in the language', async () => {
    await loadLanguage('et');
    setLanguage('et');
    expect(formatDateTime('2026-03-05T10:20:30Z')).toMatch(/2026/);
    expect(formatDateTime('2026-03-05T10:20:30Z')).toMatch(/märts/);
  });

  it('translate server errors by code', async () => {
    const failure = { kind: 'server', code: 'INVALID_CODE', message: 'Server says so.', action: 'Do this.' } as const;
    const expected = { lv: 'Rezervācijas kods nav derīgs.', et: 'Broneerimiskood ei kehti.', ru: 'Неверный код резервирования.' };
    for (const lang of ['lv', 'et', 'ru'] as const) {
      await loadLanguage(lang);
      setLanguage(lang);
      expect(describeFailure(failure).message).toBe(expected[lang]);
    }
  });
});

