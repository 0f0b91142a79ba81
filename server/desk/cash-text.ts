import { formatCents, formatSignedCents } from '../../shared/money.ts';
import type { CashAmount } from '../store/desk-types.ts';

/** Cash as the audit trail and the messages write it: "1000.00 EUR, 20.00 USD". */

export function cashText(cash: readonly CashAmount[]): string {
  return cash.length === 0 ? 'none' : cash.map((entry) => `${formatCents(entry.amountCents)} ${entry.currency}`).join(', ');
}

export function differenceText(difference: readonly CashAmount[]): string {
  const off = difference.filter((entry) => entry.amountCents !== 0);
  return off.length === 0 ? 'no difference' : `difference ${off.map((entry) => `${formatSignedCents(entry.amountCents)} ${entry.currency}`).join(', ')}`;
}
