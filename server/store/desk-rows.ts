import type { MovementKind, ShiftStatus } from '../../shared/desk-api.ts';
import type { CashAmount, LocationRecord, MovementRecord, ShiftRecord } from './desk-types.ts';

/**
 * Conversions between the cash desk's records (desk-types.ts) and the rows both stores keep. A
 * shift's cash lives in its own table, one row per kind and currency; the CHECK constraints of the
 * schema are what make the narrowing casts (status, kind) safe.
 */

export interface LocationRow {
  id: string;
  name: string;
  paysera_location_id: string | null;
  disabled: number;
  created_at: number;
}

export interface ShiftRow {
  id: string;
  location_id: string;
  cashier: string;
  status: string;
  opened_at: number;
  closed_at: number | null;
  signed_off_by: string | null;
  signed_off_at: number | null;
}

export type CashKind = 'float' | 'counted' | 'expected';

export interface ShiftCashRow {
  shift_id: string;
  kind: CashKind;
  currency: string;
  amount_cents: number;
}

export interface MovementRow {
  id: string;
  shift_id: string;
  kind: string;
  amount_cents: number;
  currency: string;
  reason: string;
  at: number;
  actor: string;
}

export const shiftColumns = ['id', 'location_id', 'cashier', 'status', 'opened_at', 'closed_at', 'signed_off_by', 'signed_off_at'] as const satisfies readonly (keyof ShiftRow)[];
export const movementColumns = ['id', 'shift_id', 'kind', 'amount_cents', 'currency', 'reason', 'at', 'actor'] as const satisfies readonly (keyof MovementRow)[];

/** Cents are written only as exact integers: a float or a number past 2^53 is refused before it reaches SQL. */
export function checkedCents(amountCents: number): number {
  if (!Number.isSafeInteger(amountCents)) throw new RangeError(`${amountCents} is not a whole number of cents.`);
  return amountCents;
}

export function locationFromRow(row: LocationRow): LocationRecord {
  return { id: row.id, name: row.name, payseraLocationId: row.paysera_location_id, disabled: row.disabled === 1, createdAt: row.created_at };
}

export function locationToRow(location: LocationRecord): LocationRow {
  return {
    id: location.id,
    name: location.name,
    paysera_location_id: location.payseraLocationId,
    disabled: location.disabled ? 1 : 0,
    created_at: location.createdAt,
  };
}

export function shiftToRow(shift: ShiftRecord): ShiftRow {
  return {
    id: shift.id,
    location_id: shift.locationId,
    cashier: shift.cashier,
    status: shift.status,
    opened_at: shift.openedAt,
    closed_at: shift.closedAt,
    signed_off_by: shift.signedOffBy,
    signed_off_at: shift.signedOffAt,
  };
}

/** The rows of one kind of a shift's cash; a kind that is null has none. */
export function cashToRows(shiftId: string, kind: CashKind, amounts: CashAmount[] | null): ShiftCashRow[] {
  return (amounts ?? []).map((amount) => ({ shift_id: shiftId, kind, currency: amount.currency, amount_cents: checkedCents(amount.amountCents) }));
}

/**
 * A shift from its row and its cash rows. The count and the expected cash are entered together
 * with closedAt (ShiftRecord), so a shift with no closedAt has neither, and one with it has both,
 * empty when no currency was counted.
 */
export function shiftFromRows(row: ShiftRow, cash: readonly ShiftCashRow[]): ShiftRecord {
  const of = (kind: CashKind): CashAmount[] =>
    cash
      .filter((entry) => entry.kind === kind)
      .map((entry) => ({ currency: entry.currency, amountCents: entry.amount_cents }))
      .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  const counted = row.closed_at === null ? null : of('counted');
  return {
    id: row.id,
    locationId: row.location_id,
    cashier: row.cashier,
    status: row.status as ShiftStatus,
    openedAt: row.opened_at,
    float: of('float'),
    closedAt: row.closed_at,
    counted,
    expected: counted === null ? null : of('expected'),
    signedOffBy: row.signed_off_by,
    signedOffAt: row.signed_off_at,
  };
}

/** Refuses a shift whose count, expected cash and closedAt are not all set or all unset. */
export function checkShiftCount(shift: ShiftRecord): void {
  const set = [shift.closedAt !== null, shift.counted !== null, shift.expected !== null];
  if (set.some((value) => value !== set[0])) throw new Error(`Shift ${shift.id}: closedAt, counted and expected are set together.`);
}

export function movementFromRow(row: MovementRow): MovementRecord {
  return {
    id: row.id,
    shiftId: row.shift_id,
    kind: row.kind as MovementKind,
    amountCents: row.amount_cents,
    currency: row.currency,
    reason: row.reason,
    at: row.at,
    actor: row.actor,
  };
}

export function movementToRow(movement: MovementRecord): MovementRow {
  return {
    id: movement.id,
    shift_id: movement.shiftId,
    kind: movement.kind,
    amount_cents: checkedCents(movement.amountCents),
    currency: movement.currency,
    reason: movement.reason,
    at: movement.at,
    actor: movement.actor,
  };
}
