import type { Currency } from '../shared/money.ts';

/** Euro notes 500…5 and coins 2…0.01, in cents: the pieces a cashier counts a drawer by. */
const euro = [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1] as const;

/** The pieces of a currency the helper counts by; null where only a total can be typed. */
export function denominationsOf(currency: Currency): readonly number[] | null {
  return currency === 'EUR' ? euro : null;
}

/** Pieces of one denomination: whole numbers only, at most six digits, so no sum can leave the safe integers. */
const pieces = /^\d{1,6}$/;

/** How many pieces a typed field says: empty is none; null when it is not a whole count. */
export function parsePieces(typed: string): number | null {
  const trimmed = typed.trim();
  if (trimmed === '') return 0;
  return pieces.test(trimmed) ? Number(trimmed) : null;
}

/** The total in cents of pieces typed per denomination (cents → typed count); null while any field is not a whole count. */
export function totalOfPieces(denominations: readonly number[], typed: Readonly<Record<number, string>>): number | null {
  let total = 0;
  for (const value of denominations) {
    const count = parsePieces(typed[value] ?? '');
    if (count === null) return null;
    total += count * value;
  }
  return total;
}
