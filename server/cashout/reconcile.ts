import type { CashoutRecord } from '../store/types.ts';
import type { WalletTransaction } from '../wallet/types.ts';
import { advance, amendRecord } from './advance.ts';
import type { Attribution, CashoutContext } from './context.ts';
import { mayStillArrive } from './cut-short.ts';
import { findCreated } from './find-created.ts';
import { isSettled, isTerminal, transition } from './machine.ts';
import { observe } from './observe.ts';
import { readBackAndObserve } from './readback.ts';
import { revokeWith } from './revoke.ts';
import type { RevokeReason } from './revoke.ts';
import { isRevocable } from './transaction-rules.ts';
import { callWallet, scopeOf } from './wallet-call.ts';

/**
 * Settling cash-outs whose last Wallet write has no known outcome, from what Paysera reports when
 * the transaction is read back. Nothing here guesses: without an answer the cash-out stays as it is.
 */

/** Why a pending revoke was sent, from what was written with it (see revokeWith's callers). */
export function revokeIntent(ctx: CashoutContext, record: CashoutRecord): RevokeReason {
  if (record.errorCode === 'AMOUNT_MISMATCH') return 'amount_mismatch';
  if (record.errorCode === 'TOO_MANY_ATTEMPTS') return 'attempts_exhausted';
  if (record.errorCode === 'WALLET_UNAVAILABLE') return 'create_failed';
  if (record.expiresAt !== null && ctx.now() >= record.expiresAt) return 'hold_expired';
  return 'revoked';
}

/**
 * Settles a create whose answer never came. The transaction, if it exists, moves no money and is
 * found by the operation id sent with it; it is revoked. Without one the cash-out ends with `absent`.
 */
export async function settleCreate(ctx: CashoutContext, record: CashoutRecord, by: Attribution, absent: 'create_failed' | 'cancel'): Promise<CashoutRecord> {
  const lookup = await findCreated(ctx, record);
  if (lookup.kind === 'unknown') return record;
  if (lookup.kind === 'absent' && ctx.now() - record.updatedAt < ctx.settings.createGraceMs) return record;
  const errorCode = absent === 'create_failed' ? 'WALLET_UNAVAILABLE' : null;
  if (lookup.kind === 'absent') return advance(ctx, record, { type: absent }, by, { patch: { pending: null, errorCode } });
  const reason = absent === 'cancel' ? 'revoked' : 'create_failed';
  const key = lookup.tx.key;
  if (record.status === 'in_doubt') {
    const found = await advance(ctx, record, { type: 'observed', walletStatus: lookup.tx.status }, by, {
      patch: { transactionKey: key, pending: null, errorCode },
    });
    return revokeWith(ctx, found, reason, by);
  }
  return revokeWith(ctx, { ...record, transactionKey: key }, reason, by, { patch: { transactionKey: key, errorCode } });
}

/** A closed cash-out whose revoke went unanswered: only the revoke is left to finish. */
async function finishRevoke(ctx: CashoutContext, record: CashoutRecord, tx: WalletTransaction, by: Attribution): Promise<CashoutRecord> {
  if (isRevocable(tx.status)) {
    const outcome = await callWallet(() => ctx.wallet.revokeTransaction(tx.key, scopeOf(record)));
    if (outcome.kind !== 'done' || isRevocable(outcome.value.status)) return record;
    return amendRecord(ctx, record, { pending: null }, by, record.status);
  }
  if (tx.status === 'confirmed') {
    ctx.log.error({ cashoutId: record.id, transactionKey: tx.key }, `a cash-out Kasa closed as ${record.status} is confirmed at Paysera`);
    return amendRecord(ctx, record, { pending: null }, by, 'paysera_confirmed');
  }
  return amendRecord(ctx, record, { pending: null }, by, record.status);
}

/** A revoke left pending by a crash or an unanswered cancel: carry it through for the reason it was sent. */
async function resumeRevoke(ctx: CashoutContext, record: CashoutRecord, tx: WalletTransaction, by: Attribution): Promise<CashoutRecord> {
  const reason = revokeIntent(ctx, record);
  if (isRevocable(tx.status)) {
    const open = record.status === 'in_doubt' ? await observe(ctx, record, tx, by) : record;
    return revokeWith(ctx, open, reason, by);
  }
  if (tx.status !== 'confirmed' && transition(record.status, { type: reason }).ok) {
    return advance(ctx, record, { type: reason }, by, { patch: { pending: null } });
  }
  return observe(ctx, record, tx, by);
}

/** One look at Paysera for a cash-out with an unsettled write; a settled one is returned untouched. */
export async function reconcile(ctx: CashoutContext, record: CashoutRecord, by: Attribution): Promise<CashoutRecord> {
  if (isSettled(record) || mayStillArrive(ctx, record)) return record;
  if (record.pending === 'create') return settleCreate(ctx, record, by, 'create_failed');
  // A revoke still to finish is carried through for its reason, not merely observed.
  const revoking = isTerminal(record.status) || record.pending === 'revoke';
  const look = await readBackAndObserve(ctx, record, { observeIf: () => !revoking, observe: (tx) => observe(ctx, record, tx, by) });
  if (look.kind === 'unread') return record;
  if (look.kind === 'observed') return look.record;
  return isTerminal(record.status) ? finishRevoke(ctx, record, look.tx, by) : resumeRevoke(ctx, record, look.tx, by);
}
