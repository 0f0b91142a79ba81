import type { CashoutRecord } from '../store/types.ts';
import type { TransactionStatus, WalletTransaction } from '../wallet/types.ts';
import { advance, note } from './advance.ts';
import type { RecordPatch } from './advance.ts';
import type { CashoutContext, Step } from './context.ts';
import { isTerminal, statusForWalletStatus, transition } from './machine.ts';
import { findCreated, isRevocable, matchesCashout, readBack } from './readback.ts';
import { confirmedAtOf, revokeWith } from './revoke.ts';
import type { RevokeReason } from './revoke.ts';
import { callWallet } from './wallet-call.ts';

/**
 * Settling cash-outs whose last Wallet write has no known outcome, from what Paysera reports when
 * the transaction is read back. Nothing here guesses: without an answer the cash-out stays as it is.
 */

/** Applies the transaction's status as read back; a reservation still being checked is checked here. */
export async function observe(ctx: CashoutContext, record: CashoutRecord, tx: WalletTransaction, step: Step): Promise<CashoutRecord> {
  if (record.pending === 'reserve' && tx.status === 'reserved' && !matchesCashout(tx, record)) {
    return revokeWith(ctx, record, 'amount_mismatch', step, { patch: { errorCode: 'AMOUNT_MISMATCH' } });
  }
  const next = statusForWalletStatus[tx.status];
  const patch: RecordPatch = { pending: null };
  if (next === 'confirmed') patch.confirmedAt = confirmedAtOf(tx, ctx.now());
  if (next === 'created') patch.expiresAt = null;
  // Without a recorded expiry, the hold started no earlier than the record's last write.
  if (next === 'reserved' && record.expiresAt === null) patch.expiresAt = record.updatedAt + ctx.settings.reserveSeconds * 1000;
  if (next === 'failed') patch.errorCode = record.errorCode ?? 'WALLET_REJECTED';
  return advance(ctx, record, { type: 'observed', walletStatus: tx.status }, step, { patch });
}

export interface Resend {
  /** The transaction is still where the unanswered write found it: the write never arrived. */
  stillOpen: (status: TransactionStatus) => boolean;
  send: (record: CashoutRecord) => Promise<CashoutRecord>;
}

/**
 * Reads an in_doubt cash-out back with pauses until Paysera answers. A write that plainly never
 * arrived is sent once more when `resend` allows; if Paysera never answers the cash-out is returned
 * still in_doubt.
 */
export async function settleInDoubt(ctx: CashoutContext, record: CashoutRecord, step: Step, resend?: Resend): Promise<CashoutRecord> {
  let current = record;
  let resent = false;
  while (current.status === 'in_doubt' && current.transactionKey !== null) {
    const tx = await readBack(ctx, current.transactionKey, ctx.readBackDelaysMs);
    if (tx === null) return current;
    current = await observe(ctx, current, tx, step);
    if (resend === undefined || resent || !resend.stillOpen(tx.status) || isTerminal(current.status)) return current;
    resent = true;
    current = await resend.send(current);
  }
  return current;
}

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
export async function settleCreate(ctx: CashoutContext, record: CashoutRecord, step: Step, absent: 'create_failed' | 'cancel'): Promise<CashoutRecord> {
  const lookup = await findCreated(ctx, record);
  if (lookup.kind === 'unknown') return record;
  if (lookup.kind === 'absent' && ctx.now() - record.updatedAt < ctx.settings.createGraceMs) return record;
  const errorCode = absent === 'create_failed' ? 'WALLET_UNAVAILABLE' : null;
  if (lookup.kind === 'absent') return advance(ctx, record, { type: absent }, step, { patch: { pending: null, errorCode } });
  const reason = absent === 'cancel' ? 'revoked' : 'create_failed';
  const key = lookup.tx.key;
  if (record.status === 'in_doubt') {
    const found = await advance(ctx, record, { type: 'observed', walletStatus: lookup.tx.status }, step, {
      patch: { transactionKey: key, pending: null, errorCode },
    });
    return revokeWith(ctx, found, reason, step);
  }
  return revokeWith(ctx, { ...record, transactionKey: key }, reason, step, { patch: { transactionKey: key, errorCode } });
}

/** A closed cash-out whose revoke went unanswered: only the revoke is left to finish. */
async function finishRevoke(ctx: CashoutContext, record: CashoutRecord, tx: WalletTransaction, step: Step): Promise<CashoutRecord> {
  if (isRevocable(tx.status)) {
    const outcome = await callWallet(() => ctx.wallet.revokeTransaction(tx.key));
    if (outcome.kind !== 'done' || isRevocable(outcome.value.status)) return record;
    return note(ctx, record, { pending: null }, step, record.status);
  }
  if (tx.status === 'confirmed') {
    ctx.log.error({ cashoutId: record.id, transactionKey: tx.key }, `a cash-out Kasa closed as ${record.status} is confirmed at Paysera`);
    return note(ctx, record, { pending: null }, step, 'paysera_confirmed');
  }
  return note(ctx, record, { pending: null }, step, record.status);
}

/** A revoke left pending by a crash or an unanswered cancel: carry it through for the reason it was sent. */
async function resumeRevoke(ctx: CashoutContext, record: CashoutRecord, tx: WalletTransaction, step: Step): Promise<CashoutRecord> {
  const reason = revokeIntent(ctx, record);
  if (isRevocable(tx.status)) {
    const open = record.status === 'in_doubt' ? await observe(ctx, record, tx, step) : record;
    return revokeWith(ctx, open, reason, step);
  }
  if (tx.status !== 'confirmed' && transition(record.status, { type: reason }).ok) {
    return advance(ctx, record, { type: reason }, step, { patch: { pending: null } });
  }
  return observe(ctx, record, tx, step);
}

/** One read-back for a cash-out with an unsettled write; anything else is returned untouched. */
export async function reconcile(ctx: CashoutContext, record: CashoutRecord, step: Step): Promise<CashoutRecord> {
  if (record.pending === null && record.status !== 'in_doubt') return record;
  if (record.pending === 'create') return settleCreate(ctx, record, step, 'create_failed');
  if (record.transactionKey === null) return record;
  const tx = await readBack(ctx, record.transactionKey, [0]);
  if (tx === null) return record;
  if (isTerminal(record.status)) return finishRevoke(ctx, record, tx, step);
  if (record.pending === 'revoke') return resumeRevoke(ctx, record, tx, step);
  return observe(ctx, record, tx, step);
}
