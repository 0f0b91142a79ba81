import type { CashoutRecord } from '../store/types.ts';
import type { CashoutContext, Step } from './context.ts';
import { observe, reconcile } from './reconcile.ts';
import { readBack } from './readback.ts';
import { revokeWith } from './revoke.ts';

export type SweepResult = 'resolved' | 'revoked' | 'unchanged';

const step: Step = { actor: 'sweeper', action: 'cashout.sweep' };

function settled(record: CashoutRecord): boolean {
  return record.pending === null && record.status !== 'in_doubt';
}

/**
 * One cash-out's share of a sweep: settle an unsettled write, release a hold past its time, and
 * release a transaction nobody reserved within the hold time.
 */
export async function sweepCashout(ctx: CashoutContext, record: CashoutRecord): Promise<SweepResult> {
  const now = ctx.now();
  // A confirm cut short by a crash: the cashier never saw "give cash", so an open hold is released, not confirmed.
  if (record.status === 'reserved' && record.pending === 'confirm' && record.transactionKey !== null) {
    const tx = await readBack(ctx, record.transactionKey, [0]);
    if (tx === null) return 'unchanged';
    if (tx.status !== 'reserved') return settled(await observe(ctx, record, tx, step)) ? 'resolved' : 'unchanged';
    await revokeWith(ctx, { ...record, pending: null }, 'revoked', step);
    return 'revoked';
  }
  if (!settled(record)) return settled(await reconcile(ctx, record, step)) ? 'resolved' : 'unchanged';

  const holdOver = record.status === 'reserved' && record.expiresAt !== null && now >= record.expiresAt;
  const abandoned = record.status === 'created' && now - record.updatedAt >= ctx.settings.reserveSeconds * 1000;
  if (!holdOver && !abandoned) return 'unchanged';
  // An abandoned cash-out's expiry is now; written with the revoke, it tells a resumed revoke why it was sent.
  await revokeWith(ctx, record, 'hold_expired', step, abandoned ? { patch: { expiresAt: now } } : {});
  return 'revoked';
}
