import type { User } from '../../shared/api.ts';
import type { MovementKind } from '../../shared/desk-api.ts';
import { formatCents } from '../../shared/money.ts';
import { approverRoles } from '../cashout/types.ts';
import { type CashAmount, type DeskStore, type MovementRecord, ShiftAlreadyOpenError, type ShiftRecord, StaleShiftError } from '../store/desk-types.ts';
import { cashText, differenceText } from './cash-text.ts';
import { cashIn, covers, differenceOf, keepsShiftBusy, needsSignOff } from './drawer.ts';
import { DeskError } from './errors.ts';
import { existingShift, loadShiftState, type ShiftState, shiftStateOf } from './shift-state.ts';

/** The desk's writes: open, pay-in or drop, close with the count, sign-off. The caller holds the cashier's lock. */

export interface DeskSettings {
  /** The accepted currencies; a float, count or movement in any other is refused. */
  currencies: readonly string[];
  tillToleranceCents: number;
  requireShift: boolean;
}

export interface DeskContext {
  store: DeskStore;
  settings: DeskSettings;
  now: () => number;
  newId: () => string;
}

export interface MovementInput {
  kind: MovementKind;
  amountCents: number;
  currency: string;
  reason: string;
}

function checkCurrency(settings: DeskSettings, currency: string): void {
  if (!settings.currencies.includes(currency)) throw new DeskError('INVALID_INPUT', `Kasa takes no ${currency} here.`);
}

/** A counted float or close: whole cents, none below zero, each currency once; returned in currency order. */
function checkedCount(settings: DeskSettings, cash: readonly CashAmount[]): CashAmount[] {
  for (const entry of cash) {
    checkCurrency(settings, entry.currency);
    if (!Number.isSafeInteger(entry.amountCents) || entry.amountCents < 0) throw new DeskError('INVALID_INPUT', 'A count is whole cents, zero or more.');
  }
  if (new Set(cash.map((entry) => entry.currency)).size !== cash.length) throw new DeskError('INVALID_INPUT', 'Name each currency once.');
  return [...cash].sort((a, b) => a.currency.localeCompare(b.currency));
}

function ownOpenShift(shift: ShiftRecord, actor: User, doing: string): void {
  if (shift.cashier !== actor.username) throw new DeskError('FORBIDDEN', `Only the shift's cashier can ${doing}.`);
  if (shift.status !== 'open') throw new DeskError('SHIFT_CLOSED', 'This shift is counted already and can no longer change.');
}

function refuseStale<T>(write: Promise<T>): Promise<T> {
  return write.catch((error: unknown) => {
    if (error instanceof StaleShiftError) throw new DeskError('SHIFT_CLOSED', 'This shift changed meanwhile and can no longer take this.');
    throw error;
  });
}

export async function openShift(ctx: DeskContext, actor: User, input: { locationId: string; float: readonly CashAmount[] }): Promise<ShiftState> {
  const location = await ctx.store.getLocation(input.locationId);
  if (location === null) throw new DeskError('NOT_FOUND', 'There is no such location.');
  if (location.disabled) throw new DeskError('INVALID_INPUT', `${location.name} is disabled; open the shift at another location.`);
  const float = checkedCount(ctx.settings, input.float);
  const shift: ShiftRecord = {
    id: ctx.newId(),
    locationId: location.id,
    cashier: actor.username,
    status: 'open',
    openedAt: ctx.now(),
    float,
    closedAt: null,
    counted: null,
    expected: null,
    signedOffBy: null,
    signedOffAt: null,
  };
  try {
    await ctx.store.openShift(shift, { actor: actor.username, action: 'shift.open', outcome: `shift ${shift.id} at ${location.name}, float ${cashText(float)}` });
  } catch (error) {
    if (error instanceof ShiftAlreadyOpenError) throw new DeskError('SHIFT_ALREADY_OPEN');
    throw error;
  }
  return shiftStateOf(shift, location, [], []);
}

export async function moveCash(ctx: DeskContext, actor: User, shiftId: string, input: MovementInput): Promise<ShiftState> {
  const shift = await existingShift(ctx.store, shiftId);
  ownOpenShift(shift, actor, 'move cash in its drawer');
  checkCurrency(ctx.settings, input.currency);
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) throw new DeskError('INVALID_INPUT', 'The amount must be more than zero.');
  const reason = input.reason.trim();
  if (reason === '') throw new DeskError('INVALID_INPUT', 'Say why the cash moved.');
  if (input.kind === 'drop') {
    // Against the cash not promised to a payout in flight, so a drop cannot leave such a payout uncovered.
    const { available } = await loadShiftState(ctx.store, shift);
    if (!covers(available, input.amountCents, input.currency)) {
      const holds = formatCents(Math.max(0, cashIn(available, input.currency)));
      throw new DeskError('NOT_ENOUGH_CASH', `The drawer holds ${holds} ${input.currency}; a drop can take at most that.`);
    }
  }
  const movement: MovementRecord = { id: ctx.newId(), shiftId, kind: input.kind, amountCents: input.amountCents, currency: input.currency, reason, at: ctx.now(), actor: actor.username };
  await refuseStale(
    ctx.store.addMovement(movement, {
      actor: actor.username,
      action: `shift.${input.kind}`,
      amountCents: movement.amountCents,
      currency: movement.currency,
      outcome: `shift ${shiftId}: ${reason}`,
    }),
  );
  return loadShiftState(ctx.store, shift);
}

export async function closeShift(ctx: DeskContext, actor: User, shiftId: string, countedInput: readonly CashAmount[]): Promise<ShiftState> {
  const shift = await existingShift(ctx.store, shiftId);
  ownOpenShift(shift, actor, 'close it');
  const counted = checkedCount(ctx.settings, countedInput);
  const state = await loadShiftState(ctx.store, shift);
  // Nothing can then move the expected cash after the count: no payout is created meanwhile (the lock) and none is left to settle.
  if (state.cashouts.some(keepsShiftBusy)) throw new DeskError('SHIFT_BUSY');
  const { expected } = state;
  const difference = differenceOf(counted, expected);
  const status = needsSignOff(difference, ctx.settings.tillToleranceCents) ? 'closing' : 'closed';
  const closed = await refuseStale(
    ctx.store.updateShift(
      shiftId,
      { status, closedAt: ctx.now(), counted, expected },
      { actor: actor.username, action: 'shift.close', outcome: `shift ${shiftId} ${status}, counted ${cashText(counted)}, ${differenceText(difference)}` },
      'open',
    ),
  );
  return shiftStateOf(closed, state.location, state.movements, state.cashouts);
}

/** `signer` has been authenticated with their own password by the caller. */
export async function signOffShift(ctx: DeskContext, shiftId: string, signer: User): Promise<ShiftState> {
  const shift = await existingShift(ctx.store, shiftId);
  if (signer.username === shift.cashier) throw new DeskError('SELF_SIGN_OFF');
  if (!approverRoles.includes(signer.role)) throw new DeskError('FORBIDDEN', 'Only a supervisor can sign off a shift.');
  if (shift.status === 'closed') throw new DeskError('SHIFT_CLOSED', 'This shift is closed already.');
  if (shift.status === 'open') throw new DeskError('WRONG_STATE', 'This shift is still open: the cashier closes it with the count first.');
  const state = await loadShiftState(ctx.store, shift);
  const signed = await refuseStale(
    ctx.store.updateShift(
      shiftId,
      { status: 'closed', signedOffBy: signer.username, signedOffAt: ctx.now() },
      { actor: signer.username, action: 'shift.sign_off', outcome: `shift ${shiftId} of ${shift.cashier}, ${differenceText(state.difference ?? [])}` },
      'closing',
    ),
  );
  return shiftStateOf(signed, state.location, state.movements, state.cashouts);
}
