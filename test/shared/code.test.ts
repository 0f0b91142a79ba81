import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxCodeLength, normaliseCode } from '../../shared/code.ts';

describe('normaliseCode', () => {
  it('keeps what a scanner delivers', () => {
    expect(normaliseCode('0155567464130298871198969060')).toEqual({ ok: true, code: '0155567464130298871198969060' });
    expect(normaliseCode('AbC123')).toEqual({ ok: true, code: 'AbC123' });
  });

  it('drops spaces, tabs, newlines and dashes a person or a scanner adds', () => {
    expect(normaliseCode('  0155 5674-6413 0298\t8711–9896 9060\r\n')).toEqual({ ok: true, code: '0155567464130298871198969060' });
  });

  it('does not assume a length or digits only', () => {
    expect(normaliseCode('12345')).toEqual({ ok: true, code: '12345' });
    expect(normaliseCode('X'.repeat(maxCodeLength))).toEqual({ ok: true, code: 'X'.repeat(maxCodeLength) });
  });

  it.each(['', '   ', '- -', '12\u000034', 'ąčę', '12\u200b34', 'X'.repeat(maxCodeLength + 1)])('rejects %j with a reason', (input) => {
    const result = normaliseCode(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toContain(input.trim() || '\u0000never');
  });

  it('is idempotent and never yields whitespace', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (input) => {
        const first = normaliseCode(input);
        if (!first.ok) return;
        expect(first.code).not.toMatch(/\s/);
        expect(normaliseCode(first.code)).toEqual(first);
      }),
    );
  });
});
