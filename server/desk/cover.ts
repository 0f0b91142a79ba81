import type { ErrorCode } from '../../shared/errors.ts';
import { formatSignedCents } from '../../shared/money.ts';
import type { DeskStore } from '../store/desk-types.ts';
import { cashIn, covers } from './drawer.ts';
import { type DeskReadStore, loadShiftState } from './shift-state.ts';

/** Whether the drawer can cover a payout and, when it can, what the cash-out records of the shift. */
export type Cover =
  | { ok: true; shiftId: string | null; payseraLocationId: string | null }
  | { ok: false; code: ErrorCode; message: string };

/** The one question the cash-out workflow asks the desk, before anything is written or sent to Paysera. */
export type PayoutCover = (cashier: string, amountCents: number, currency: string) => Promise<Cover>;

export const noShiftCover: Cover = { ok: true, shiftId: null, payseraLocationId: null };

/**
 * The caller holds the cashier's lock, so no other payout or movement of this drawer runs between
 * this answer and the cash-out's insert; a payout settling meanwhile only frees cash.
 */
export function createPayoutCover(store: DeskReadStore & Pick<DeskStore, 'getCurrentShift'>, requireShift: boolean): PayoutCover {
  return async (cashier, amountCents, currency) => {
    const shift = await store.getCurrentShift(cashier);
    if (shift === null) {
      return requireShift ? { ok: false, code: 'NO_OPEN_SHIFT', message: 'You have no open shift. Open one with the counted cash in the drawer first.' } : noShiftCover;
    }
    if (shift.status !== 'open') {
      return { ok: false, code: 'SHIFT_CLOSED', message: 'Your shift is counted and waits for a supervisor to sign it off; it takes no more payouts.' };
    }
    const state = await loadShiftState(store, shift);
    if (!covers(state.available, amountCents, currency)) {
      const holds = formatSignedCents(Math.max(0, cashIn(state.available, currency)));
      return { ok: false, code: 'NOT_ENOUGH_CASH', message: `The drawer holds ${holds} ${currency} for payouts.` };
    }
    return { ok: true, shiftId: shift.id, payseraLocationId: state.location?.payseraLocationId ?? null };
  };
}
