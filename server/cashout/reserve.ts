import { normaliseCode } from '../../shared/code.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import type { Attempt } from '../auth/throttle.ts';
import type { CashoutRecord } from '../store/types.ts';
import { advance, amendRecord, auditRefusal, writeAhead } from './advance.ts';
import type { Attribution, CashoutContext } from './context.ts';
import type { ReserveRefusal } from './machine.ts';
import { observe } from './observe.ts';
import { readBackAndObserve } from './readback.ts';
import { revokeWith } from './revoke.ts';
import { settleInDoubt } from './settle-in-doubt.ts';
import { matchesCashout } from './transaction-rules.ts';
import { CashoutError, transactionKeyOf } from './types.ts';
import { callWallet, scopeOf } from './wallet-call.ts';

const refusals: readonly ErrorCode[] = ['INVALID_CODE', 'CODE_EXPIRED', 'INSUFFICIENT_FUNDS'] satisfies ReserveRefusal[];

function isRefusal(code: ErrorCode): code is ReserveRefusal {
  return refusals.includes(code);
}

/** Wrong or stale codes are what a guesser produces; a customer short of money is not guessing. */
const guessLike: readonly ErrorCode[] = ['INVALID_CODE', 'CODE_EXPIRED'];

/**
 * Reserves the transaction with the customer's code, sent once. The code lives only in this call:
 * it is never stored, logged, audited or put into an error.
 */
export async function reserveCashout(ctx: CashoutContext, record: CashoutRecord, by: Attribution, rawCode: string): Promise<CashoutRecord> {
  const key = transactionKeyOf(record);
  const admission = await ctx.codeThrottle.begin(by.actor);
  if (!admission.allowed) {
    await auditRefusal(ctx, record, by, 'RATE_LIMITED');
    throw new CashoutError('RATE_LIMITED', `Too many wrong codes. Wait ${admission.retryAfterSeconds} s before the next one.`);
  }
  try {
    return await reserveAdmitted(ctx, record, key, by, rawCode, admission.attempt);
  } finally {
    // Neither a wrong code nor a reservation (bad input, Paysera unreachable): it counts as nothing.
    await admission.attempt.release();
  }
}

async function reserveAdmitted(ctx: CashoutContext, record: CashoutRecord, key: string, by: Attribution, rawCode: string, attempt: Attempt): Promise<CashoutRecord> {
  const normalised = normaliseCode(rawCode);
  if (!normalised.ok) throw new CashoutError('INVALID_INPUT', normalised.reason);

  // The hold can only have started after this moment, so this expiry is never later than Paysera's.
  const sent = await writeAhead(ctx, record, 'reserve', { patch: { expiresAt: ctx.now() + ctx.settings.reserveSeconds * 1000 } });
  const outcome = await callWallet(() => ctx.wallet.reserveWithCode(key, normalised.code, scopeOf(record)));

  if (outcome.kind === 'done' && outcome.value.status === 'reserved') {
    if (!matchesCashout(outcome.value, record)) {
      await revokeWith(ctx, sent, 'amount_mismatch', by, { patch: { errorCode: 'AMOUNT_MISMATCH' } });
      throw new CashoutError('AMOUNT_MISMATCH');
    }
    await attempt.succeed();
    return advance(ctx, sent, { type: 'reserved' }, by, { patch: { pending: null } });
  }

  if (outcome.kind === 'refused') {
    const { error } = outcome;
    if (!isRefusal(error.code)) {
      if (error.code === 'WRONG_STATE') {
        await readBackAndObserve(ctx, sent, { observe: (tx) => observe(ctx, sent, tx, by) });
      } else {
        await amendRecord(ctx, sent, { pending: null, expiresAt: null }, by, error.code, error.walletError);
      }
      throw new CashoutError(error.code);
    }
    if (guessLike.includes(error.code)) await attempt.fail();
    const failedAttempts = record.failedAttempts + 1;
    if (failedAttempts >= ctx.settings.maxCodeAttempts) {
      await revokeWith(ctx, sent, 'attempts_exhausted', by, {
        patch: { failedAttempts, expiresAt: null, errorCode: 'TOO_MANY_ATTEMPTS' },
        walletError: error.walletError,
      });
      throw new CashoutError('TOO_MANY_ATTEMPTS');
    }
    await advance(ctx, sent, { type: 'reserve_refused', code: error.code }, by, {
      patch: { failedAttempts, pending: null, expiresAt: null },
      outcome: error.code,
      walletError: error.walletError,
    });
    throw new CashoutError(error.code);
  }

  if (outcome.kind === 'unknown') ctx.log.warn({ cashoutId: record.id, reason: outcome.reason }, 'reserve outcome unknown');
  const doubtful = await advance(ctx, sent, { type: 'outcome_unknown', operation: 'reserve' }, by);
  // The code is gone by now, so a reserve that never arrived is not re-sent: the cashier scans again.
  const settled = await settleInDoubt(ctx, doubtful, by);
  if (settled.status === 'created') {
    throw new CashoutError('WALLET_UNAVAILABLE', 'Paysera did not receive the code. Scan the code again.');
  }
  if (settled.status === 'failed' && settled.errorCode === 'AMOUNT_MISMATCH') throw new CashoutError('AMOUNT_MISMATCH');
  if (settled.status === 'reserved') await attempt.succeed();
  return settled;
}
