import type { AuditEvent, Cashout, Total } from '../../shared/api.ts';
import { errorBody } from '../../shared/errors.ts';
import { formatCents, isCurrency, type Currency } from '../../shared/money.ts';
import { approvalRequired } from '../cashout/limits.ts';
import type { CashoutSettings } from '../cashout/types.ts';
import type { AuditRow, CashoutRecord } from '../store/types.ts';

/** Store records → the JSON shapes of shared/api.ts: cents become decimal strings, ms become ISO times. */

export interface PresentationSettings {
  limits: CashoutSettings['limits'];
  maxCodeAttempts: number;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function currencyOf(value: string): Currency {
  if (!isCurrency(value)) throw new TypeError(`unknown currency in a stored cash-out: ${value}`);
  return value;
}

export function cashoutJson(record: CashoutRecord, settings: PresentationSettings): Cashout {
  return {
    id: record.id,
    status: record.status,
    amount: formatCents(record.amountCents),
    currency: currencyOf(record.currency),
    transactionKey: record.transactionKey,
    createdAt: new Date(record.createdAt).toISOString(),
    expiresAt: iso(record.expiresAt),
    cashier: record.cashier,
    approvalRequired: approvalRequired(settings, record.amountCents, record.currency),
    approvedBy: record.approvedBy,
    confirmedAt: iso(record.confirmedAt),
    attemptsLeft: Math.max(0, settings.maxCodeAttempts - record.failedAttempts),
    ...(record.errorCode !== null && { error: errorBody(record.errorCode).error }),
  };
}

/** Totals of what was actually paid out: confirmed cash-outs only, one entry per currency. */
export function confirmedTotals(records: readonly CashoutRecord[]): Total[] {
  const byCurrency = new Map<Currency, { count: number; cents: number }>();
  for (const record of records) {
    if (record.status !== 'confirmed') continue;
    const currency = currencyOf(record.currency);
    const sum = byCurrency.get(currency) ?? { count: 0, cents: 0 };
    byCurrency.set(currency, { count: sum.count + 1, cents: sum.cents + record.amountCents });
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, sum]) => ({ currency, count: sum.count, amount: formatCents(sum.cents) }));
}

export function auditEventJson(row: AuditRow): AuditEvent {
  return {
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    action: row.action,
    cashoutId: row.cashoutId,
    amount: row.amountCents === null ? null : formatCents(row.amountCents),
    currency: row.currency,
    transactionKey: row.transactionKey,
    outcome: row.outcome,
    walletError: row.walletError,
    hash: row.hash,
  };
}
