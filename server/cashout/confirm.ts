import type { CashoutRecord } from '../store/types.ts';
import { advance, note, writeAhead } from './advance.ts';
import type { CashoutContext, Step } from './context.ts';
import { approvalRequired } from './limits.ts';
import { readBack } from './readback.ts';
import { observe, settleInDoubt } from './reconcile.ts';
import { confirmedAtOf, revokeWith } from './revoke.ts';
import { CashoutError } from './types.ts';
import { callWallet } from './wallet-call.ts';

/** Sends the confirm once. Only Paysera's `confirmed` makes the cash-out confirmed. */
async function confirmOnce(ctx: CashoutContext, record: CashoutRecord, step: Step): Promise<CashoutRecord> {
  const key = record.transactionKey;
  if (key === null) throw new CashoutError('WRONG_STATE', 'This cash-out has no Paysera transaction.');
  const sent = await writeAhead(ctx, record, 'confirm');
  const outcome = await callWallet(() => ctx.wallet.confirmTransaction(key));

  if (outcome.kind === 'done' && outcome.value.status === 'confirmed') {
    return advance(ctx, sent, { type: 'confirmed' }, step, { patch: { pending: null, confirmedAt: confirmedAtOf(outcome.value, ctx.now()) } });
  }
  if (outcome.kind === 'refused') {
    // A refusal may mean the transaction moved on (confirmed by an earlier try, or released): read it.
    const { error } = outcome;
    const tx = await readBack(ctx, key, [0]);
    if (tx !== null && tx.status !== 'reserved') {
      const observed = await observe(ctx, sent, tx, step);
      if (observed.status === 'confirmed') return observed;
    } else {
      await note(ctx, sent, { pending: null }, step, error.code, error.walletError);
    }
    throw new CashoutError(error.code);
  }
  if (outcome.kind === 'unknown') ctx.log.warn({ cashoutId: record.id, transactionKey: key, reason: outcome.reason }, 'confirm outcome unknown');
  return advance(ctx, sent, { type: 'outcome_unknown', operation: 'confirm' }, step);
}

/**
 * Confirms a reserved, approved, unexpired cash-out. An unanswered confirm is read back until
 * Paysera says what happened; one that never arrived is sent once more. If Paysera cannot be read,
 * the cash-out comes back in_doubt — never confirmed on a guess.
 */
export async function confirmCashout(ctx: CashoutContext, record: CashoutRecord, step: Step): Promise<CashoutRecord> {
  if (record.status === 'confirmed') return record;
  if (record.status !== 'reserved' || record.pending !== null) {
    throw new CashoutError('WRONG_STATE', `A ${record.status.replace('_', ' ')} cash-out cannot be confirmed.`);
  }
  if (approvalRequired(ctx.settings, record.amountCents, record.currency) && record.approvedBy === null) throw new CashoutError('APPROVAL_REQUIRED');
  if (record.expiresAt !== null && ctx.now() >= record.expiresAt) {
    await revokeWith(ctx, record, 'hold_expired', step);
    throw new CashoutError('CODE_EXPIRED', 'The reservation ran out before it was confirmed, and it was cancelled.');
  }
  const sent = await confirmOnce(ctx, record, step);
  if (sent.status !== 'in_doubt') return sent;
  return settleInDoubt(ctx, sent, step, { stillOpen: (status) => status === 'reserved', send: (current) => confirmOnce(ctx, current, step) });
}
