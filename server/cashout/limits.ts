import type { CashoutStatus, User } from '../../shared/api.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { formatCents, isCurrency } from '../../shared/money.ts';
import type { CashoutRecord } from '../store/types.ts';
import { approverRoles } from './types.ts';
import type { Actor, CashoutSettings } from './types.ts';

/** The rules a cash-out must satisfy, as pure functions of the settings and the records involved. */

export type RuleResult = { ok: true } | { ok: false; code: ErrorCode; message: string };

const allowed: RuleResult = { ok: true };

export function checkAmount(settings: CashoutSettings, amountCents: number, currency: string): RuleResult {
  if (!isCurrency(currency) || !settings.currencies.includes(currency)) {
    return { ok: false, code: 'INVALID_INPUT', message: `Cash-outs in ${currency} are not offered here.` };
  }
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    return { ok: false, code: 'INVALID_INPUT', message: 'The amount must be more than zero.' };
  }
  if (amountCents > settings.maxAmountCents) {
    return {
      ok: false,
      code: 'LIMIT_EXCEEDED',
      message: `One cash-out may be at most ${formatCents(settings.maxAmountCents)} ${currency}.`,
    };
  }
  return allowed;
}

export function approvalRequired(settings: CashoutSettings, amountCents: number): boolean {
  return amountCents >= settings.supervisorThresholdCents;
}

/** Cash-outs that have paid out or still may: they all count against the daily cap. */
const countedStatuses: readonly CashoutStatus[] = ['created', 'reserved', 'in_doubt', 'confirmed'];

type CapRecord = Pick<CashoutRecord, 'status' | 'amountCents' | 'currency'>;

/** `todays` are the cashier's cash-outs of the day; only those in the same currency count. */
export function checkDailyCap(settings: CashoutSettings, amountCents: number, currency: string, todays: readonly CapRecord[]): RuleResult {
  if (settings.dailyCapCents === null) return allowed;
  const used = todays
    .filter((record) => record.currency === currency && countedStatuses.includes(record.status))
    .reduce((sum, record) => sum + record.amountCents, 0);
  if (used + amountCents <= settings.dailyCapCents) return allowed;
  const left = Math.max(0, settings.dailyCapCents - used);
  return {
    ok: false,
    code: 'LIMIT_EXCEEDED',
    message: `This would pass your daily limit of ${formatCents(settings.dailyCapCents)} ${currency}; ${formatCents(left)} ${currency} is left today.`,
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
