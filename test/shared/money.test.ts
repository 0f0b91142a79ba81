import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents, maxCents, parseAmount } from '../../shared/money.ts';

describe('parseAmount', () => {
  it.each([
    ['0.29', 29],
    ['19.99', 1999],
    ['50', 5000],
    ['50.5', 5050],
    ['0.01', 1],
    ['1000.00', 100000],
    ['10000000.00', maxCents],
  ])('parses %s to %d cents exactly', (input, cents) => {
    expect(parseAmount(input)).toEqual({ ok: true, cents });
  });

  it.each(['1e3', '-5', '0', '0.00', '12.345', 'abc', '  ', '', '1 000,50', '1,5', ' 5', '5 ', '05', '.5', '5.', '+5', '0x10', 'Infinity', 'NaN', '10000000.01', '999999999999'])(
    'rejects %j with a reason',
    (input) => {
      const result = parseAmount(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(5);
    },
  );

  it('round-trips every cents value up to 10^9', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: maxCents }), (cents) => {
        const text = formatCents(cents);
        expect(parseAmount(text)).toEqual({ ok: true, cents });
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with a big-integer reading of random canonical strings', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }), (whole, fraction) => {
        const text = `${whole}.${String(fraction).padStart(2, '0')}`;
        const expected = BigInt(whole) * 100n + BigInt(fraction);
        const result = parseAmount(text);
        if (expected === 0n) expect(result.ok).toBe(false);
        else expect(result).toEqual({ ok: true, cents: Number(expected) });
      }),
    );
  });
});

describe('formatCents', () => {
  it('writes canonical strings', () => {
    expect(formatCents(1999)).toBe('19.99');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(100000)).toBe('1000.00');
  });
  it('refuses non-integers and negatives', () => {
    expect(() => formatCents(1.5)).toThrow(RangeError);
    expect(() => formatCents(-1)).toThrow(RangeError);
  });
});
