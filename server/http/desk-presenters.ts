import type { Movement, ReportCashout, Shift, SignedCash, ZReport } from '../../shared/desk-api.ts';
import { formatCents, formatSignedCents, isCurrency, type Currency } from '../../shared/money.ts';
import type { ShiftState } from '../desk/shift-state.ts';
import type { CashAmount, MovementRecord } from '../store/desk-types.ts';
import type { CashoutRecord } from '../store/types.ts';

/** Desk records → the JSON shapes of shared/desk-api.ts: cents become decimal strings, ms become ISO times. */

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function currencyOf(value: string): Currency {
  if (!isCurrency(value)) throw new TypeError(`unknown currency in a stored shift: ${value}`);
  return value;
}

/** Signed, so that a drawer somehow below zero is shown as it is rather than failing the whole answer. */
export function cashJson(cash: readonly CashAmount[]): SignedCash[] {
  return cash.map((entry) => ({ amount: formatSignedCents(entry.amountCents), currency: currencyOf(entry.currency) }));
}

export function shiftJson(state: ShiftState): Shift {
  const { shift } = state;
  return {
    id: shift.id,
    locationId: shift.locationId,
    locationName: state.location?.name ?? '',
    cashier: shift.cashier,
    status: shift.status,
    openedAt: new Date(shift.openedAt).toISOString(),
    closedAt: iso(shift.closedAt),
    float: cashJson(shift.float),
    expected: cashJson(state.expected),
    available: cashJson(state.available),
    counted: shift.counted === null ? null : cashJson(shift.counted),
    difference: state.difference === null ? null : cashJson(state.difference),
    needsSignOff: state.needsSignOff,
    signedOffBy: shift.signedOffBy,
    signedOffAt: iso(shift.signedOffAt),
  };
}

export function movementJson(movement: MovementRecord): Movement {
  return {
    id: movement.id,
    kind: movement.kind,
    amount: formatCents(movement.amountCents),
    currency: currencyOf(movement.currency),
    reason: movement.reason,
    at: new Date(movement.at).toISOString(),
    actor: movement.actor,
  };
}

export function reportCashoutJson(record: CashoutRecord): ReportCashout {
  return {
    id: record.id,
    createdAt: new Date(record.createdAt).toISOString(),
    amount: formatCents(record.amountCents),
    currency: currencyOf(record.currency),
    transactionKey: record.transactionKey,
    status: record.status,
  };
}

export function zReportJson(state: ShiftState): ZReport {
  return { shift: shiftJson(state), movements: state.movements.map(movementJson), cashouts: state.cashouts.map(reportCashoutJson) };
}
