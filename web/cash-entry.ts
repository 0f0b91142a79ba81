import { formatCents, maxCents, parseCount, type Currency } from '../shared/money.ts';
import { denominationsOf, totalOfPieces } from './denominations.ts';

/** What a cashier typed for one currency's cash: a total, or pieces per denomination (cents → typed count). */
export interface CashEntry {
  mode: 'total' | 'pieces';
  total: string;
  pieces: Readonly<Record<number, string>>;
}

export const emptyEntry: CashEntry = { mode: 'total', total: '', pieces: {} };

export type EntryValue = { kind: 'empty' } | { kind: 'invalid' } | { kind: 'amount'; amount: string; cents: number };

/** The canonical amount an entry says; "12,50" is read as 12.50, as the Baltic languages and Russian write it. */
export function valueOfEntry(entry: CashEntry, currency: Currency): EntryValue {
  const denominations = denominationsOf(currency);
  if (entry.mode === 'pieces' && denominations) {
    if (Object.values(entry.pieces).every((typed) => typed.trim() === '')) return { kind: 'empty' };
    const cents = totalOfPieces(denominations, entry.pieces);
    if (cents === null || cents > maxCents) return { kind: 'invalid' };
    return { kind: 'amount', amount: formatCents(cents), cents };
  }
  const typed = entry.total.trim().replace(',', '.');
  if (typed === '') return { kind: 'empty' };
  const parsed = parseCount(typed);
  return parsed.ok ? { kind: 'amount', amount: formatCents(parsed.cents), cents: parsed.cents } : { kind: 'invalid' };
}

export type CashEntries = Partial<Record<Currency, CashEntry>>;

/**
 * The request's list of counts, or null while any entry cannot be sent. A currency left empty is
 * left out (the server counts it as zero) unless `everyCurrency`: a closing count names each one.
 */
export function countsOfEntries(entries: CashEntries, currencies: readonly Currency[], everyCurrency: boolean): { amount: string; currency: Currency }[] | null {
  const counts: { amount: string; currency: Currency }[] = [];
  for (const currency of currencies) {
    const value = valueOfEntry(entries[currency] ?? emptyEntry, currency);
    if (value.kind === 'invalid' || (value.kind === 'empty' && everyCurrency)) return null;
    if (value.kind === 'amount') counts.push({ amount: value.amount, currency });
  }
  return counts;
}
