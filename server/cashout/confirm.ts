import { type IdentityCheck, missingIdentityChecks } from '../../shared/api.ts';
import type { CashoutRecord } from '../store/types.ts';
import { advance, amendRecord, writeAhead } from './advance.ts';
import type { AuditNote } from './advance.ts';
import type { Attribution, CashoutContext } from './context.ts';
import { approvalRequired } from './limits.ts';
import { observe } from './observe.ts';
import { readBackAndObserve } from './readback.ts';
import { revokeWith } from './revoke.ts';
import { settleInDoubt } from './settle-in-doubt.ts';
import { confirmedAtOf } from './transaction-rules.ts';
import { CashoutError, transactionKeyOf } from './types.ts';
import { callWallet, scopeOf } from './wallet-call.ts';

/**
 * The identity checks the cashier ticked, as their own audit event written with the confirm's
 * write-ahead: the audit table keeps its columns and its hash chain, the attestation lands in the
 * same transaction as the confirm it belongs to, and the confirm's own events keep the outcomes
 * (`confirmed`, `in_doubt`, a refusal code) that the trail is read by.
 */
function identityAttestation(by: Attribution, checks: readonly IdentityCheck[]): AuditNote {
  return { by: { actor: by.actor, action: 'cashout.identity_checked' }, outcome: [...checks].sort().join(',') };
}

/** Sends the confirm once. Only Paysera's `confirmed` makes the cash-out confirmed. */
async function confirmOnce(ctx: CashoutContext, record: CashoutRecord, by: Attribution, announce?: AuditNote): Promise<CashoutRecord> {
  const key = transactionKeyOf(record);
  const sent = await writeAhead(ctx, record, 'confirm', announce === undefined ? {} : { announce });
  const outcome = await callWallet(() => ctx.wallet.confirmTransaction(key, scopeOf(record)));

  if (outcome.kind === 'done' && outcome.value.status === 'confirmed') {
    return advance(ctx, sent, { type: 'confirmed' }, by, { patch: { pending: null, confirmedAt: confirmedAtOf(outcome.value, ctx.now()) } });
  }
  if (outcome.kind === 'refused') {
    // A refusal may mean the transaction moved on (confirmed by an earlier try, or released): read it.
    const { error } = outcome;
    const look = await readBackAndObserve(ctx, sent, { observeIf: (tx) => tx.status !== 'reserved', observe: (tx) => observe(ctx, sent, tx, by) });
    if (look.kind !== 'observed') await amendRecord(ctx, sent, { pending: null }, by, error.code, error.walletError);
    else if (look.record.status === 'confirmed') return look.record;
    throw new CashoutError(error.code);
  }
  if (outcome.kind === 'unknown') ctx.log.warn({ cashoutId: record.id, transactionKey: key, reason: outcome.reason }, 'confirm outcome unknown');
  return advance(ctx, sent, { type: 'outcome_unknown', operation: 'confirm' }, by);
}

/**
 * Confirms a reserved, approved, unexpired cash-out whose customer the cashier has checked. An
 * unanswered confirm is read back until Paysera says what happened; one that never arrived is sent
 * once more. If Paysera cannot be read, the cash-out comes back in_doubt — never confirmed on a guess.
 */
export async function confirmCashout(ctx: CashoutContext, record: CashoutRecord, by: Attribution, identityChecks: readonly IdentityCheck[]): Promise<CashoutRecord> {
  if (missingIdentityChecks(identityChecks).length > 0) throw new CashoutError('INVALID_INPUT', 'Check the customer\'s identity first.');
  if (approvalRequired(ctx.settings, record.amountCents, record.currency) && record.approvedBy === null) throw new CashoutError('APPROVAL_REQUIRED');
  if (record.expiresAt !== null && ctx.now() >= record.expiresAt) {
    await revokeWith(ctx, record, 'hold_expired', by);
    throw new CashoutError('CODE_EXPIRED', 'The reservation ran out before it was confirmed, and it was cancelled.');
  }
  const sent = await confirmOnce(ctx, record, by, identityAttestation(by, identityChecks));
  return settleInDoubt(ctx, sent, by, { stillOpen: (status) => status === 'reserved', send: (current) => confirmOnce(ctx, current, by) });
}
