import type { User } from '../../shared/api.ts';
import { approverRoles } from '../cashout/types.ts';
import type { CashAmount, DeskStore, LocationRecord, MovementRecord, ShiftRecord } from '../store/desk-types.ts';
import type { CashoutRecord } from '../store/types.ts';
import { availableCash, differenceOf, expectedCash } from './drawer.ts';
import { DeskError } from './errors.ts';

/** A shift with its drawer worked out: what the routes present and the cover check decides on. */
export interface ShiftState {
  shift: ShiftRecord;
  location: LocationRecord | null;
  movements: MovementRecord[];
  cashouts: CashoutRecord[];
  /** While open: as it is now; once counted: as it was at the count. */
  expected: CashAmount[];
  available: CashAmount[];
  difference: CashAmount[] | null;
  /** Counted beyond the tolerance and not yet signed off. */
  needsSignOff: boolean;
}

export type DeskReadStore = Pick<DeskStore, 'getShift' | 'getLocation' | 'listMovements' | 'listShiftCashouts'>;

export async function loadShiftState(store: DeskReadStore, shift: ShiftRecord): Promise<ShiftState> {
  const [location, movements, cashouts] = await Promise.all([
    store.getLocation(shift.locationId),
    store.listMovements(shift.id),
    store.listShiftCashouts(shift.id),
  ]);
  return shiftStateOf(shift, location, movements, cashouts);
}

export function shiftStateOf(shift: ShiftRecord, location: LocationRecord | null, movements: MovementRecord[], cashouts: CashoutRecord[]): ShiftState {
  const expected = shift.expected ?? expectedCash(shift.float, movements, cashouts);
  return {
    shift,
    location,
    movements,
    cashouts,
    expected,
    // A shift that is no longer open takes no payouts at all.
    available: shift.status === 'open' ? availableCash(expected, cashouts) : [],
    difference: shift.counted === null ? null : differenceOf(shift.counted, expected),
    needsSignOff: shift.status === 'closing',
  };
}

/** A cashier sees only their own shifts; supervisors and admins see every one. */
export function mayRead(actor: User, shift: Pick<ShiftRecord, 'cashier'>): boolean {
  return approverRoles.includes(actor.role) || actor.username === shift.cashier;
}

export async function existingShift(store: Pick<DeskStore, 'getShift'>, id: string): Promise<ShiftRecord> {
  const shift = await store.getShift(id);
  if (shift === null) throw new DeskError('NOT_FOUND', 'There is no such shift.');
  return shift;
}

export async function readableShift(store: Pick<DeskStore, 'getShift'>, actor: User, id: string): Promise<ShiftRecord> {
  const shift = await existingShift(store, id);
  if (!mayRead(actor, shift)) throw new DeskError('FORBIDDEN', 'This shift belongs to another cashier.');
  return shift;
}
