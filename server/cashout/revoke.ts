import type { CashoutRecord } from '../store/types.ts';
import type { WalletTransaction } from '../wallet/types.ts';
import { advance, amendRecord, writeAhead } from './advance.ts';
import type { RecordPatch } from './advance.ts';
import type { Attribution, CashoutContext } from './context.ts';
import { readBackAndObserve } from './readback.ts';
import { confirmedAtOf, isRevocable } from './transaction-rules.ts';
import { CashoutError } from './types.ts';
import { callWallet, scopeOf } from './wallet-call.ts';

/** Why a transaction is revoked; each names the machine event that settles the cash-out afterwards. */
export type RevokeReason = 'revoked' | 'hold_expired' | 'attempts_exhausted' | 'amount_mismatch' | 'create_failed';

export interface RevokeOptions {
  /** Written with the pending revoke, so that a crash leaves the reason behind (see revokeIntent). */
  patch?: RecordPatch;
  walletError?: string | null;
}

/**
 * Revokes the cash-out's transaction and settles the cash-out with `reason`. Only the cashier's
 * cancel waits for Paysera's answer (an unanswered one makes the cash-out in_doubt); every other
 * reason has already decided the outcome, so the cash-out ends at once and an unanswered revoke
 * stays pending for the sweeper to finish.
 */
export async function revokeWith(
  ctx: CashoutContext,
  record: CashoutRecord,
  reason: RevokeReason,
  by: Attribution,
  options: RevokeOptions = {},
): Promise<CashoutRecord> {
  const patch = options.patch ?? {};
  const walletError = options.walletError ?? null;
  const key = record.transactionKey;
  if (key === null) {
    return advance(ctx, record, { type: reason === 'revoked' ? 'cancel' : reason }, by, { patch: { ...patch, pending: null }, walletError });
  }
  const sent = await writeAhead(ctx, record, 'revoke', { patch });

  const settled = (tx: WalletTransaction, error: string | null): Promise<CashoutRecord> => {
    if (tx.status === 'confirmed') {
      ctx.log.error({ cashoutId: record.id, transactionKey: key }, 'a transaction Kasa was revoking is confirmed at Paysera');
      return advance(ctx, sent, { type: 'observed', walletStatus: 'confirmed' }, by, {
        patch: { pending: null, errorCode: null, confirmedAt: confirmedAtOf(tx, ctx.now()) },
      });
    }
    return advance(ctx, sent, { type: reason }, by, { patch: { pending: null }, walletError: error });
  };
  const leftOpen = (): Promise<CashoutRecord> =>
    reason === 'revoked'
      ? advance(ctx, sent, { type: 'outcome_unknown', operation: 'revoke' }, by)
      : advance(ctx, sent, { type: reason }, by, { walletError });

  const outcome = await callWallet(() => ctx.wallet.revokeTransaction(key, scopeOf(record)));
  if (outcome.kind === 'done') {
    if (!isRevocable(outcome.value.status)) return settled(outcome.value, walletError);
    return leftOpen();
  }
  if (outcome.kind === 'unknown') {
    ctx.log.warn({ cashoutId: record.id, transactionKey: key, reason: outcome.reason }, 'revoke outcome unknown');
    return leftOpen();
  }
  // Refused: the transaction may already be gone (expired, revoked before) — only a read tells.
  const { error } = outcome;
  const look = await readBackAndObserve(ctx, sent, { observeIf: (tx) => !isRevocable(tx.status), observe: (tx) => settled(tx, error.walletError) });
  if (look.kind === 'observed') return look.record;
  if (reason !== 'revoked') return advance(ctx, sent, { type: reason }, by, { walletError: error.walletError });
  await amendRecord(ctx, sent, { pending: null }, by, error.code, error.walletError);
  throw new CashoutError(error.code);
}
