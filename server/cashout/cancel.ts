import type { CashoutRecord } from '../store/types.ts';
import type { Attribution, CashoutContext } from './context.ts';
import { reconcile, settleCreate } from './reconcile.ts';
import { revokeWith } from './revoke.ts';
import { settleInDoubt } from './settle-in-doubt.ts';
import { isRevocable } from './transaction-rules.ts';

/**
 * Settles what is open before a cancel, so a cancel never races a confirm that may have gone
 * through. A create without an answer is settled as cancelled: its transaction, if any, is revoked.
 */
export function settleBeforeCancel(ctx: CashoutContext, record: CashoutRecord, by: Attribution): Promise<CashoutRecord> {
  return record.pending === 'create' ? settleCreate(ctx, record, by, 'cancel') : reconcile(ctx, record, by);
}

/** Cancels before confirm by revoking at Paysera; an unanswered revoke is read back, and re-sent if it never arrived. */
export async function cancelCashout(ctx: CashoutContext, record: CashoutRecord, by: Attribution): Promise<CashoutRecord> {
  const revoked = await revokeWith(ctx, record, 'revoked', by);
  return settleInDoubt(ctx, revoked, by, { stillOpen: isRevocable, send: (open) => revokeWith(ctx, open, 'revoked', by) });
}
