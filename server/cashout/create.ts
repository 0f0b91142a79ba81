import type { Currency } from '../../shared/money.ts';
import type { PayoutCover } from '../desk/cover.ts';
import type { CashoutRecord } from '../store/types.ts';
import { advance, amendRecord } from './advance.ts';
import type { Attribution, CashoutContext } from './context.ts';
import { checkAmount, checkDailyCap, hasDailyCap, localDayOf } from './limits.ts';
import type { RuleResult } from './limits.ts';
import { CashoutError } from './types.ts';
import type { Actor } from './types.ts';
import { callWallet, scopeOf } from './wallet-call.ts';

function enforce(rule: RuleResult): void {
  if (!rule.ok) throw new CashoutError(rule.code, rule.message);
}

/**
 * Checks the limits and asks the desk whether the drawer covers the payout, then records the
 * cash-out, its Paysera create about to be sent. The caller holds the cashier's lock for this
 * part only: no other payout or movement of the drawer runs between the checks and the insert,
 * and once inserted the payout counts against the drawer and the daily cap as one in flight.
 */
export async function recordCashout(
  ctx: CashoutContext,
  actor: Actor,
  input: { amountCents: number; currency: Currency },
  id: string,
  cover: PayoutCover,
): Promise<CashoutRecord> {
  const { settings } = ctx;
  const { amountCents, currency } = input;
  enforce(checkAmount(settings, amountCents, currency));
  const now = ctx.now();
  if (hasDailyCap(settings)) {
    const day = localDayOf(now);
    enforce(checkDailyCap(settings, amountCents, currency, await ctx.store.listCashouts(day.from, day.to, actor.username)));
  }
  const drawer = await cover(actor.username, amountCents, currency);
  if (!drawer.ok) throw new CashoutError(drawer.code, drawer.message);

  const { shiftId, payseraLocationId } = drawer;
  const record = freshCashout({ id, amountCents, currency, cashier: actor.username, now, shiftId, payseraLocationId });
  await ctx.store.insertCashout(record, { actor: actor.username, action: 'cashout.create', cashoutId: record.id, amountCents, currency, outcome: 'pending' });
  return record;
}

/**
 * Creates the Paysera transaction of a recorded cash-out. The record comes first, so a create
 * whose answer is lost is still known and its stray transaction can be found. The caller holds the
 * cash-out's lock (on the id it chose), so the sweeper cannot take the record's pending create for
 * one cut short by a crash while the call is still in flight.
 */
export async function createAtPaysera(ctx: CashoutContext, record: CashoutRecord): Promise<CashoutRecord> {
  const { amountCents, currency } = record;
  const by: Attribution = { actor: record.cashier, action: 'cashout.create' };
  const outcome = await callWallet(() =>
    ctx.wallet.createTransaction({
      amountCents,
      currency,
      description: 'Cash withdrawal',
      reserveForSeconds: ctx.settings.reserveSeconds,
      operationId: record.id,
    }, scopeOf(record)),
  );
  if (outcome.kind === 'done') {
    return amendRecord(ctx, record, { transactionKey: outcome.value.key, pending: null }, by, 'created');
  }
  if (outcome.kind === 'refused') {
    const { error } = outcome;
    await advance(ctx, record, { type: 'create_failed' }, by, { patch: { pending: null, errorCode: error.code }, walletError: error.walletError });
    throw new CashoutError(error.code);
  }
  ctx.log.warn({ cashoutId: record.id, reason: outcome.reason }, 'create outcome unknown; the sweeper will look for the transaction');
  await advance(ctx, record, { type: 'outcome_unknown', operation: 'create' }, by);
  throw new CashoutError('WALLET_UNAVAILABLE');
}

/** A cash-out as it is first written: created, its Paysera create about to be sent (write-ahead). */
export function freshCashout(fields: {
  id: string;
  amountCents: number;
  currency: Currency;
  cashier: string;
  now: number;
  shiftId?: string | null;
  payseraLocationId?: string | null;
}): CashoutRecord {
  return {
    id: fields.id,
    status: 'created',
    amountCents: fields.amountCents,
    currency: fields.currency,
    transactionKey: null,
    createdAt: fields.now,
    expiresAt: null,
    cashier: fields.cashier,
    approvedBy: null,
    confirmedAt: null,
    failedAttempts: 0,
    errorCode: null,
    pending: 'create',
    updatedAt: fields.now,
    shiftId: fields.shiftId ?? null,
    payseraLocationId: fields.payseraLocationId ?? null,
  };
}
