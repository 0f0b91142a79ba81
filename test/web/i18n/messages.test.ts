import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../../shared/errors.ts';
import { en } from '../../../web/i18n/en.ts';
import { lt } from '../../../web/i18n/lt.ts';
import { ltErrors } from '../../../web/i18n/lt-errors.ts';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

describe('translations', () => {
  it('have the same keys in English and Lithuanian', () => {
    expect(Object.keys(lt).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty strings', () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(lt)]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(en)) expect(placeholders(lt[key as keyof typeof en]), key).toEqual(placeholders(text));
  });

  it('translate every server error code into Lithuanian, message and action', () => {
    expect(Object.keys(ltErrors).sort()).toEqual(Object.keys(errorCatalogue).sort());
    for (const [code, { message, action }] of Object.entries(ltErrors)) {
      expect(message.trim(), code).not.toBe('');
      expect(action.trim(), code).not.toBe('');
    }
  });
});
