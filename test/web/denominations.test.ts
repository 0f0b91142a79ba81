import { describe, expect, it } from 'vitest';
import { formatCents, maxCents, parseCount } from '../../shared/money.ts';
import { countsOfEntries, valueOfEntry } from '../../web/cash-entry.ts';
import { denominationsOf, parsePieces, totalOfPieces } from '../../web/denominations.ts';
import { mulberry32 } from '../support/mulberry32.ts';

const euro = denominationsOf('EUR') ?? [];

/** The sum by decimal strings alone: whole euros and cents added column by column, as a person would on paper. */
function paperSum(lines: [count: number, value: string][]): string {
  let euros = 0n;
  let cents = 0n;
  for (const [count, value] of lines) {
    const [whole = '0', fraction = '00'] = value.split('.');
    euros += BigInt(count) * BigInt(whole);
    cents += BigInt(count) * BigInt(fraction);
  }
  euros += cents / 100n;
  return `${euros}.${String(cents % 100n).padStart(2, '0')}`;
}

describe('denominations', () => {
  it('are the euro notes 500…5 and coins 2…0.01, largest first; other currencies take a total only', () => {
    expect(euro.map((cents) => formatCents(cents))).toEqual(['500.00', '200.00', '100.00', '50.00', '20.00', '10.00', '5.00', '2.00', '1.00', '0.50', '0.20', '0.10', '0.05', '0.02', '0.01']);
    expect(denominationsOf('GBP')).toBeNull();
  });

  it('read a typed count as whole pieces only', () => {
    expect(parsePieces('')).toBe(0);
    expect(parsePieces(' 12 ')).toBe(12);
    for (const bad of ['1.5', '-1', '1e3', 'abc', '1 2', '1234567', '0x10']) expect(parsePieces(bad), bad).toBeNull();
  });

  it('sum any count of pieces exactly in cents (seeded property, 2,000 drawers)', () => {
    const random = mulberry32(0x5eed14);
    for (let drawer = 0; drawer < 2000; drawer += 1) {
      const typed: Record<number, string> = {};
      const lines: [number, string][] = [];
      for (const value of euro) {
        const roll = random();
        // Most fields empty or small, some large: the drawers cashiers count, and the edges.
        const count = roll < 0.3 ? null : roll < 0.9 ? Math.floor(random() * 40) : Math.floor(random() * 999_999);
        if (count === null) continue;
        typed[value] = String(count);
        lines.push([count, formatCents(value)]);
      }
      const total = totalOfPieces(euro, typed);
      expect(total).not.toBeNull();
      expect(Number.isSafeInteger(total)).toBe(true);
      expect(formatCents(total ?? -1), `drawer ${drawer}`).toBe(paperSum(lines));
    }
  });

  it('give no total while any field is not a whole count', () => {
    expect(totalOfPieces(euro, { 500: '1', 1: '0.5' })).toBeNull();
  });
});

describe('a cash entry', () => {
  it('by pieces is the exact sum, sent as the canonical decimal string', () => {
    const value = valueOfEntry({ mode: 'pieces', total: '', pieces: { 5000: '3', 50: '3', 1: '7' } }, 'EUR');
    expect(value).toEqual({ kind: 'amount', amount: '151.57', cents: 15157 });
  });

  it('as a total reads what parseCount reads, with a comma as the decimal point (seeded property)', () => {
    const random = mulberry32(14);
    for (let round = 0; round < 1000; round += 1) {
      const cents = Math.floor(random() * maxCents);
      const typed = formatCents(cents).replace('.', random() < 0.5 ? ',' : '.');
      const value = valueOfEntry({ mode: 'total', total: typed, pieces: {} }, 'EUR');
      expect(value).toEqual({ kind: 'amount', amount: formatCents(cents), cents });
      expect(parseCount(formatCents(cents))).toEqual({ ok: true, cents });
    }
  });

  it('is empty when nothing was typed, and invalid for what is not an amount or is above the largest', () => {
    expect(valueOfEntry({ mode: 'total', total: '  ', pieces: {} }, 'EUR')).toEqual({ kind: 'empty' });
    expect(valueOfEntry({ mode: 'pieces', total: '', pieces: { 100: '' } }, 'EUR')).toEqual({ kind: 'empty' });
    for (const bad of ['-5', '1.234', 'ten', '1e2']) expect(valueOfEntry({ mode: 'total', total: bad, pieces: {} }, 'EUR'), bad).toEqual({ kind: 'invalid' });
    expect(valueOfEntry({ mode: 'pieces', total: '', pieces: { 50000: '999999' } }, 'EUR')).toEqual({ kind: 'invalid' });
    expect(valueOfEntry({ mode: 'total', total: '0', pieces: {} }, 'EUR')).toEqual({ kind: 'amount', amount: '0.00', cents: 0 });
  });

  it('lists leave an empty currency out when opening, and refuse it when closing', () => {
    const entries = { EUR: { mode: 'total', total: '10', pieces: {} } } as const;
    expect(countsOfEntries(entries, ['EUR', 'GBP'], false)).toEqual([{ amount: '10.00', currency: 'EUR' }]);
    expect(countsOfEntries(entries, ['EUR', 'GBP'], true)).toBeNull();
    expect(countsOfEntries({ EUR: { mode: 'total', total: 'x', pieces: {} } }, ['EUR'], false)).toBeNull();
  });
});
