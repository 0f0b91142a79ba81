import type { CashoutStatus, User } from '../../shared/api.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { formatCents } from '../../shared/money.ts';
import type { CurrencyLimits } from '../currency-limits.ts';
import type { CashoutRecord } from '../store/types.ts';
import { approverRoles } from './types.ts';
import type { Actor, CashoutSettings } from './types.ts';

/** The rules a cash-out must satisfy, as pure functions of the settings and the records involved. */

export type RuleResult = { ok: true } | { ok: false; code: ErrorCode; message: string };

const allowed: RuleResult = { ok: true };

/** The limits of `currency` when it is accepted here; undefined for any other string. */
export function limitsOf(settings: Pick<CashoutSettings, 'limits'>, currency: string): CurrencyLimits | undefined {
  return settings.limits.find((limits) => limits.currency === currency);
}

export function checkAmount(settings: CashoutSettings, amountCents: number, currency: string): RuleResult {
  const limits = limitsOf(settings, currency);
  if (!limits) {
    return { ok: false, code: 'INVALID_INPUT', message: `Cash-outs in ${currency} are not offered here.` };
  }
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    return { ok: false, code: 'INVALID_INPUT', message: 'The amount must be more than zero.' };
  }
  if (amountCents > limits.maxAmountCents) {
    return {
      ok: false,
      code: 'LIMIT_EXCEEDED',
      message: `One cash-out may be at most ${formatCents(limits.maxAmountCents)} ${currency}.`,
    };
  }
  return allowed;
}

/** A currency no longer accepted (the configuration changed under a cash-out) needs approval: no threshold is known for it. */
export function approvalRequired(settings: Pick<CashoutSettings, 'limits'>, amountCents: number, currency: string): boolean {
  const limits = limitsOf(settings, currency);
  return limits === undefined || amountCents >= limits.supervisorThresholdCents;
}

/** Whether any accepted currency has a daily cap, so that creates must be counted one at a time. */
export function hasDailyCap(settings: CashoutSettings): boolean {
  return settings.limits.some((limits) => limits.dailyCapCents !== null);
}

/** Cash-outs that have paid out or still may: they all count against the daily cap. */
const countedStatuses: readonly CashoutStatus[] = ['created', 'reserved', 'in_doubt', 'confirmed'];

type CapRecord = Pick<CashoutRecord, 'status' | 'amountCents' | 'currency'>;

/** `todays` are the cashier's cash-outs of the day; only those in the same currency count, against that currency's cap. */
export function checkDailyCap(settings: CashoutSettings, amountCents: number, currency: string, todays: readonly CapRecord[]): RuleResult {
  const cap = limitsOf(settings, currency)?.dailyCapCents ?? null;
  if (cap === null) return allowed;
  const used = todays
    .filter((record) => record.currency === currency && countedStatuses.includes(record.status))
    .reduce((sum, record) => sum + record.amountCents, 0);
  if (used + amountCents <= cap) return allowed;
  const left = Math.max(0, cap - used);
  return {
    ok: false,
    code: 'LIMIT_EXCEEDED',
    message: `This would pass your daily limit of ${formatCents(cap)} ${currency}; ${formatCents(left)} ${currency} is left today.`,
  };
}

export function checkApprover(cashout: Pick<CashoutRecord, 'cashier'>, approver: User): RuleResult {
  if (!approverRoles.includes(approver.role)) return { ok: false, code: 'FORBIDDEN', message: 'Only a supervisor can approve.' };
  if (approver.username === cashout.cashier) return { ok: false, code: 'SELF_APPROVAL', message: 'You cannot approve your own cash-out.' };
  return allowed;
}

/** A cashier acts only on their own cash-outs; supervisors and admins on any. */
export function mayAccess(actor: Actor, cashout: Pick<CashoutRecord, 'cashier'>): boolean {
  return approverRoles.includes(actor.role) || actor.username === cashout.cashier;
}

/** [start of the local day holding `at`, start of the next local day), in unix ms. */
export function localDayOf(at: number): { from: number; to: number } {
  const day = new Date(at);
  const from = new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
  const to = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1).getTime();
  return { from, to };
}
