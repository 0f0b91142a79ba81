import { randomUUID } from 'node:crypto';
import type { User } from '../../shared/api.ts';
import type { KeyedLock } from '../cashout/lock.ts';
import { approverRoles } from '../cashout/types.ts';
import type { Config } from '../config.ts';
import type { CashAmount, DeskStore } from '../store/desk-types.ts';
import { createPayoutCover, type PayoutCover } from './cover.ts';
import { cashierLockKey } from './lock-key.ts';
import { loadShiftState, readableShift, type ShiftState } from './shift-state.ts';
import { closeShift, type DeskContext, type DeskSettings, type MovementInput, moveCash, openShift, signOffShift } from './shift-writes.ts';

export interface DeskServiceOptions {
  store: DeskStore;
  /** The cash-out service's lock: a shift's writes and its cashier's payouts take `cashier:<username>` in turn. */
  lock: KeyedLock;
  settings: DeskSettings;
  now?: () => number;
  newId?: () => string;
}

/** The cash desk as the HTTP layer and the cash-out workflow call it; refusals are DeskErrors. */
export interface DeskService {
  open(actor: User, input: { locationId: string; float: readonly CashAmount[] }): Promise<ShiftState>;
  move(actor: User, shiftId: string, input: MovementInput): Promise<ShiftState>;
  close(actor: User, shiftId: string, counted: readonly CashAmount[]): Promise<ShiftState>;
  /** `signer` has been authenticated with their own password by the caller; `actor` is whoever is signed in. */
  signOff(actor: User, shiftId: string, signer: User): Promise<ShiftState>;
  /** The actor's shift that is open or closing. */
  current(actor: User): Promise<ShiftState | null>;
  /** Shifts opened in [from, to): a cashier's own, or everyone's for a supervisor or admin. */
  shiftsOf(actor: User, range: { from: number; to: number }, locationId?: string): Promise<ShiftState[]>;
  /** The shift with its movements and cash-outs: the Z-report. */
  report(actor: User, shiftId: string): Promise<ShiftState>;
  coverPayout: PayoutCover;
}

export function deskSettingsOf(config: Pick<Config, 'limits' | 'requireShift' | 'tillToleranceCents'>): DeskSettings {
  return { currencies: config.limits.map((limits) => limits.currency), requireShift: config.requireShift, tillToleranceCents: config.tillToleranceCents };
}

export function createDeskService(options: DeskServiceOptions): DeskService {
  const { store, lock } = options;
  const ctx: DeskContext = { store, settings: options.settings, now: options.now ?? Date.now, newId: options.newId ?? randomUUID };

  /** A write to an existing shift, alone with its cashier's other writes and payouts. */
  async function underShiftLock(actor: User, shiftId: string, write: () => Promise<ShiftState>): Promise<ShiftState> {
    const shift = await readableShift(store, actor, shiftId);
    return lock.run(cashierLockKey(shift.cashier), write);
  }

  return {
    open: (actor, input) => lock.run(cashierLockKey(actor.username), () => openShift(ctx, actor, input)),
    move: (actor, shiftId, input) => underShiftLock(actor, shiftId, () => moveCash(ctx, actor, shiftId, input)),
    close: (actor, shiftId, counted) => underShiftLock(actor, shiftId, () => closeShift(ctx, actor, shiftId, counted)),
    signOff: (actor, shiftId, signer) => underShiftLock(actor, shiftId, () => signOffShift(ctx, shiftId, signer)),

    async current(actor) {
      const shift = await store.getCurrentShift(actor.username);
      return shift === null ? null : loadShiftState(store, shift);
    },

    async shiftsOf(actor, range, locationId) {
      const own = approverRoles.includes(actor.role) ? {} : { cashier: actor.username };
      const shifts = await store.listShifts(range.from, range.to, { ...own, ...(locationId !== undefined && { locationId }) });
      return Promise.all(shifts.map((shift) => loadShiftState(store, shift)));
    },

    async report(actor, shiftId) {
      return loadShiftState(store, await readableShift(store, actor, shiftId));
    },

    coverPayout: createPayoutCover(store, options.settings.requireShift),
  };
}
