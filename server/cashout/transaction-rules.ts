import type { CashoutRecord } from '../store/types.ts';
import type { TransactionStatus, WalletTransaction } from '../wallet/types.ts';

/** What a Paysera transaction as read says for the cash-out: pure rules, no calls. */

/** Statuses Paysera still lets a client revoke (wallet-api.md §4.7). */
const revocableStatuses: readonly TransactionStatus[] = ['new', 'waiting', 'waiting_funds', 'waiting_registration', 'waiting_password', 'reserved'];

export function isRevocable(status: TransactionStatus): boolean {
  return revocableStatuses.includes(status);
}

/** What Paysera holds must be exactly what the cashier is about to hand out. */
export function matchesCashout(tx: WalletTransaction, record: Pick<CashoutRecord, 'amountCents' | 'currency'>): boolean {
  const [payment, ...others] = tx.payments;
  return payment !== undefined && others.length === 0 && payment.priceCents === record.amountCents && payment.currency === record.currency;
}

export function confirmedAtOf(tx: WalletTransaction, now: number): number {
  return tx.confirmedAt === undefined ? now : tx.confirmedAt * 1000;
}
