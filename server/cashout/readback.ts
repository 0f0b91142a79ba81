import type { CashoutRecord } from '../store/types.ts';
import type { TransactionStatus, WalletTransaction } from '../wallet/types.ts';
import type { CashoutContext } from './context.ts';
import { callWallet } from './wallet-call.ts';

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

/**
 * Paysera deletes what it no longer holds (a `new` transaction after about a month), and a demo
 * simulator forgets everything on restart. A key Paysera does not know holds no money, so it
 * settles as `deleted` instead of staying unknown for ever.
 */
function goneTransaction(key: string): WalletTransaction {
  return { key, status: 'deleted', createdAt: 0, payments: [] };
}

/** Reads the transaction, pausing before each read, until Paysera answers; null if it never did. */
export async function readBack(ctx: CashoutContext, key: string, delaysMs: readonly number[]): Promise<WalletTransaction | null> {
  for (const delayMs of delaysMs) {
    if (delayMs > 0) await ctx.sleep(delayMs);
    const outcome = await callWallet(() => ctx.wallet.getTransaction(key));
    if (outcome.kind === 'done') return outcome.value;
    if (outcome.kind === 'refused' && outcome.error.code === 'NOT_FOUND') return goneTransaction(key);
    const reason = outcome.kind === 'refused' ? outcome.error.walletError : outcome.reason;
    ctx.log.warn({ transactionKey: key, reason }, 'cash-out read-back failed');
  }
  return null;
}

export type CreatedLookup = { kind: 'found'; tx: WalletTransaction } | { kind: 'absent' } | { kind: 'unknown' };

const pageSize = 200;
const maxPages = 25;
/** Paysera's clock and ours may differ; look a little before the cash-out was created. */
const lookBehindSeconds = 600;

/** Finds the `new` transaction a create in doubt may have left, by the operation id sent with it. */
export async function findCreated(ctx: CashoutContext, record: CashoutRecord): Promise<CreatedLookup> {
  const from = Math.floor(record.createdAt / 1000) - lookBehindSeconds;
  for (let page = 0; page < maxPages; page += 1) {
    const outcome = await callWallet(() => ctx.wallet.listTransactions({ status: ['new'], from, limit: pageSize, offset: page * pageSize }));
    if (outcome.kind !== 'done') {
      const reason = outcome.kind === 'refused' ? outcome.error.walletError : outcome.reason;
      ctx.log.warn({ cashoutId: record.id, reason }, 'looking up a cash-out\'s transaction failed');
      return { kind: 'unknown' };
    }
    const tx = outcome.value.find((candidate) => candidate.operationId === record.id);
    if (tx) return { kind: 'found', tx };
    if (outcome.value.length < pageSize) return { kind: 'absent' };
  }
  return { kind: 'unknown' };
}
