// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { decimalSeparator, describeFailure, formatMoney, formatTypedAmount, setLanguage, t } from '../../../web/i18n/index.ts';

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
});
