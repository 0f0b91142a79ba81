import type { CashoutRecord } from '../store/types.ts';
import { WalletError } from '../wallet/errors.ts';
import type { CallScope } from '../wallet/types.ts';

/**
 * A Wallet call's outcome in the three cases the workflow distinguishes. Paysera's error body is
 * the only proof that nothing happened; every other failure — timeout, dropped connection, 5xx,
 * an unreadable answer, even a bug — leaves the outcome open.
 */
export type WalletOutcome<T> =
  | { kind: 'done'; value: T }
  | { kind: 'refused'; error: WalletError }
  | { kind: 'unknown'; reason: string };

export async function callWallet<T>(call: () => Promise<T>): Promise<WalletOutcome<T>> {
  try {
    return { kind: 'done', value: await call() };
  } catch (error) {
    if (error instanceof WalletError) return { kind: 'refused', error };
    return { kind: 'unknown', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Every Wallet call of a cash-out is signed for the Paysera location it was created at (its shift's, as it was then). */
export function scopeOf(record: CashoutRecord): CallScope {
  return { locationId: record.payseraLocationId };
}
