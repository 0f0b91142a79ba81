import type { CashoutRecord } from '../store/types.ts';
import type { CashoutContext, Step } from './context.ts';
import { isTerminal } from './machine.ts';
import { isRevocable } from './readback.ts';
import { reconcile, settleCreate, settleInDoubt } from './reconcile.ts';
import { revokeWith } from './revoke.ts';
import { CashoutError } from './types.ts';

/**
 * Cancels before confirm by revoking at Paysera. An unsettled write is settled first, so a cancel
 * never races a confirm that may have gone through; what Paysera reports is what comes back.
 */
export async function cancelCashout(ctx: CashoutContext, record: CashoutRecord, step: Step): Promise<CashoutRecord> {
  if (record.status === 'cancelled') return record;
  if (isTerminal(record.status)) throw new CashoutError('WRONG_STATE', `This cash-out is already ${record.status}.`);
  if (record.pending === 'create') return settleCreate(ctx, record, step, 'cancel');

  const current = await reconcile(ctx, record, step);
  if (current.status === 'in_doubt' || current.pending !== null || isTerminal(current.status)) return current;

  const revoked = await revokeWith(ctx, current, 'revoked', step);
  if (revoked.status !== 'in_doubt') return revoked;
  return settleInDoubt(ctx, revoked, step, { stillOpen: isRevocable, send: (open) => revokeWith(ctx, open, 'revoked', step) });
}
