import type { MovementKind, ShiftStatus } from '../../shared/desk-api.ts';
import type { AuditInput, CashoutRecord } from './types.ts';

/**
 * The cash desk's records (design §3.1) as the store keeps them: locations, shifts with their
 * counted cash, and the pay-ins and drops between. Amounts are integer cents, times unix ms.
 */

export interface LocationRecord {
  id: string;
  name: string;
  /** Sent as `location_id` in the MAC `ext` of this location's Wallet calls; null: PAYSERA_LOCATION_ID, if set. */
  payseraLocationId: string | null;
  disabled: boolean;
  createdAt: number;
}

export interface CashAmount {
  currency: string;
  amountCents: number;
}

export interface ShiftRecord {
  id: string;
  locationId: string;
  cashier: string;
  status: ShiftStatus;
  openedAt: number;
  /** The counted opening float, one entry per currency. */
  float: CashAmount[];
  /** Set together when the cashier enters the count; null while open. */
  closedAt: number | null;
  counted: CashAmount[] | null;
  /** Expected cash as it was at the count, so the report never moves afterwards. */
  expected: CashAmount[] | null;
  signedOffBy: string | null;
  signedOffAt: number | null;
}

export interface MovementRecord {
  id: string;
  shiftId: string;
  kind: MovementKind;
  amountCents: number;
  currency: string;
  reason: string;
  at: number;
  actor: string;
}

export type ShiftPatch = Partial<Pick<ShiftRecord, 'status' | 'closedAt' | 'counted' | 'expected' | 'signedOffBy' | 'signedOffAt'>>;

/** A shift changed status between being read and being written: the write was not made. */
export class StaleShiftError extends Error {
  override readonly name = 'StaleShiftError';
  constructor(
    readonly id: string,
    readonly expected: ShiftStatus,
  ) {
    super(`Shift ${id} is no longer ${expected}.`);
  }
}

/** The cashier already has a shift that is open or closing (the store keeps one per cashier). */
export class ShiftAlreadyOpenError extends Error {
  override readonly name = 'ShiftAlreadyOpenError';
  constructor(readonly cashier: string) {
    super(`${cashier} already has a shift that is not closed.`);
  }
}

/** Every write takes its audit event and appends it in the same transaction. */
export interface DeskStore {
  createLocation(location: LocationRecord, audit: AuditInput): Promise<void>;
  getLocation(id: string): Promise<LocationRecord | null>;
  /** By name. */
  listLocations(): Promise<LocationRecord[]>;
  updateLocation(id: string, patch: Partial<Pick<LocationRecord, 'name' | 'payseraLocationId' | 'disabled'>>, audit: AuditInput): Promise<LocationRecord>;

  /** Throws ShiftAlreadyOpenError when the cashier has a shift that is not closed. */
  openShift(shift: ShiftRecord, audit: AuditInput): Promise<void>;
  getShift(id: string): Promise<ShiftRecord | null>;
  /** The cashier's shift that is open or closing, if any. */
  getCurrentShift(cashier: string): Promise<ShiftRecord | null>;
  /** Shifts opened in [from, to), oldest first; only one location's or one cashier's when given. */
  listShifts(from: number, to: number, filter?: { locationId?: string; cashier?: string }): Promise<ShiftRecord[]>;
  /** Throws StaleShiftError (and changes nothing) if the stored status is not `expectedStatus`. */
  updateShift(id: string, patch: ShiftPatch, audit: AuditInput, expectedStatus: ShiftStatus): Promise<ShiftRecord>;

  /** Throws StaleShiftError (and records nothing) unless the shift is open. */
  addMovement(movement: MovementRecord, audit: AuditInput): Promise<void>;
  /** In time order. */
  listMovements(shiftId: string): Promise<MovementRecord[]>;
  /** The cash-outs paid out in the shift (CashoutRecord.shiftId), oldest first. */
  listShiftCashouts(shiftId: string): Promise<CashoutRecord[]>;
}
