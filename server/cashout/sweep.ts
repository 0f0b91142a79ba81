import type { CashoutRecord } from '../store/types.ts';
import type { Attribution, CashoutContext } from './context.ts';
import { mayStillArrive } from './cut-short.ts';
import { isSettled, mayStart } from './machine.ts';
import { observe } from './observe.ts';
import { readBackAndObserve } from './readback.ts';
import { reconcile } from './reconcile.ts';
import { revokeWith } from './revoke.ts';

export type SweepResult = 'resolved' | 'revoked' | 'unchanged';

const sweeper: Attribution = { actor: 'sweeper', action: 'cashout.sweep' };

async function settleForSweep(ctx: CashoutContext, record: CashoutRecord): Promise<SweepResult> {
  if (mayStillArrive(ctx, record)) return 'unchanged';
  if (record.status !== 'reserved' || record.pending !== 'confirm') {
    return isSettled(await reconcile(ctx, record, sweeper)) ? 'resolved' : 'unchanged';
  }
  // A confirm cut short by a crash: the cashier never saw "give cash", so an open hold is released, not confirmed.
  const look = await readBackAndObserve(ctx, record, { observeIf: (tx) => tx.status !== 'reserved', observe: (tx) => observe(ctx, record, tx, sweeper) });
  if (look.kind === 'unread') return 'unchanged';
  if (look.kind === 'observed') return isSettled(look.record) ? 'resolved' : 'unchanged';
  await revokeWith(ctx, { ...record, pending: null }, 'revoked', sweeper);
  return 'revoked';
}

/**
 * One cash-out's share of a sweep: settle an unsettled write, release a hold past its time, and
 * release a transaction nobody reserved within the hold time.
 */
export async function sweepCashout(ctx: CashoutContext, record: CashoutRecord): Promise<SweepResult> {
  const answer = mayStart('sweep', record);
  if (answer === 'settle_first') return settleForSweep(ctx, record);
  if (answer !== 'start') return 'unchanged';

  const now = ctx.now();
  const holdOver = record.status === 'reserved' && record.expiresAt !== null && now >= record.expiresAt;
  const abandoned = record.status === 'created' && now - record.updatedAt >= ctx.settings.reserveSeconds * 1000;
  if (!holdOver && !abandoned) return 'unchanged';
  // An abandoned cash-out's expiry is now; written with the revoke, it tells a resumed revoke why it was sent.
  await revokeWith(ctx, record, 'hold_expired', sweeper, abandoned ? { patch: { expiresAt: now } } : {});
  return 'revoked';
}
