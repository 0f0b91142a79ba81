import type { CashoutRecord } from '../store/types.ts';
import type { WalletTransaction } from '../wallet/types.ts';
import type { CashoutContext } from './context.ts';
import { callWallet, scopeOf } from './wallet-call.ts';

/**
 * Reading a cash-out's transaction back after a write, and applying what Paysera reports. These
 * schedules are the one retry layer for a read-back: the client is asked for single attempts, so
 * a settle makes exactly as many GETs as its schedule has entries.
 */

/** A single look rides out a blip with two quick repeats; a longer outage is left to the next request or sweep. */
export const oneLookDelaysMs: readonly number[] = [0, 500, 1000];

/**
 * Paysera deletes what it no longer holds (a `new` transaction after about a month), and a demo
 * simulator forgets everything on restart. A key Paysera does not know holds no money, so it
 * settles as `deleted` instead of staying unknown for ever.
 */
function goneTransaction(key: string): WalletTransaction {
  return { key, status: 'deleted', createdAt: 0, payments: [] };
}

/** Reads the transaction, pausing before each read, until Paysera answers; null if it never did. */
async function readTransaction(ctx: CashoutContext, record: CashoutRecord, key: string, delaysMs: readonly number[]): Promise<WalletTransaction | null> {
  for (const delayMs of delaysMs) {
    if (delayMs > 0) await ctx.sleep(delayMs);
    const outcome = await callWallet(() => ctx.wallet.getTransaction(key, { retry: false, ...scopeOf(record) }));
    if (outcome.kind === 'done') return outcome.value;
    if (outcome.kind === 'refused' && outcome.error.code === 'NOT_FOUND') return goneTransaction(key);
    const reason = outcome.kind === 'refused' ? outcome.error.walletError : outcome.reason;
    ctx.log.warn({ transactionKey: key, reason }, 'cash-out read-back failed');
  }
  return null;
}

export type ReadBack =
  /** Paysera did not answer (or there is no transaction to read): the cash-out is as it was. */
  | { kind: 'unread' }
  /** Paysera answered, but `observeIf` held the answer back: the caller decides what follows. */
  | { kind: 'read'; tx: WalletTransaction }
  /** Paysera answered and the cash-out now says what Paysera reports. */
  | { kind: 'observed'; tx: WalletTransaction; record: CashoutRecord };

export interface ReadBackOptions {
  /** Applies what was read to the cash-out: `observe` for most steps, a revoke's own settling for a revoke. */
  observe: (tx: WalletTransaction) => Promise<CashoutRecord>;
  /** Whether to apply this answer, e.g. only once Paysera has moved the transaction on from where a write found it; always by default. */
  observeIf?: (tx: WalletTransaction) => boolean;
  /** One look by default; a settle passes the context's longer schedule. */
  delaysMs?: readonly number[];
}

export async function readBackAndObserve(ctx: CashoutContext, record: CashoutRecord, options: ReadBackOptions): Promise<ReadBack> {
  if (record.transactionKey === null) return { kind: 'unread' };
  const tx = await readTransaction(ctx, record, record.transactionKey, options.delaysMs ?? oneLookDelaysMs);
  if (tx === null) return { kind: 'unread' };
  if (options.observeIf !== undefined && !options.observeIf(tx)) return { kind: 'read', tx };
  return { kind: 'observed', tx, record: await options.observe(tx) };
}
