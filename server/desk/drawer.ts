import type { CashoutStatus } from '../../shared/api.ts';
import type { CashAmount, MovementRecord } from '../store/desk-types.ts';
import type { CashoutRecord } from '../store/types.ts';

/**
 * The drawer's arithmetic, in integer cents and as pure functions of a shift's records:
 * expected = float + pay-ins − drops − confirmed payouts; available = expected − payouts in flight.
 * Lists of cash have one entry per currency, sorted by currency; a currency not named counts as zero.
 */

export type Payout = Pick<CashoutRecord, 'status' | 'amountCents' | 'currency' | 'pending'>;
export type Movement = Pick<MovementRecord, 'kind' | 'amountCents' | 'currency'>;

/** A payout in these may still take cash from the drawer. */
const inFlightStatuses: readonly CashoutStatus[] = ['created', 'reserved', 'in_doubt'];

export function isInFlight(payout: Pick<Payout, 'status'>): boolean {
  return inFlightStatuses.includes(payout.status);
}

/** A payout that may still change status (or has a Wallet write unsettled) would move the expected cash after a count. */
export function keepsShiftBusy(payout: Pick<Payout, 'status' | 'pending'>): boolean {
  return isInFlight(payout) || payout.pending !== null;
}

type Tally = Map<string, number>;

function tallyOf(cash: readonly CashAmount[]): Tally {
  const tally: Tally = new Map();
  for (const entry of cash) addTo(tally, entry.currency, entry.amountCents);
  return tally;
}

function addTo(tally: Tally, currency: string, cents: number): void {
  tally.set(currency, (tally.get(currency) ?? 0) + cents);
}

function listOf(tally: Tally): CashAmount[] {
  return [...tally.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amountCents]) => ({ currency, amountCents }));
}

export function cashIn(cash: readonly CashAmount[], currency: string): number {
  return cash.find((entry) => entry.currency === currency)?.amountCents ?? 0;
}

/** Every currency the drawer has seen gets an entry, also one that came back to zero. */
export function expectedCash(float: readonly CashAmount[], movements: readonly Movement[], payouts: readonly Payout[]): CashAmount[] {
  const tally = tallyOf(float);
  for (const movement of movements) addTo(tally, movement.currency, movement.kind === 'pay_in' ? movement.amountCents : -movement.amountCents);
  for (const payout of payouts) {
    if (payout.status === 'confirmed') addTo(tally, payout.currency, -payout.amountCents);
    else if (isInFlight(payout)) addTo(tally, payout.currency, 0);
  }
  return listOf(tally);
}

export function availableCash(expected: readonly CashAmount[], payouts: readonly Payout[]): CashAmount[] {
  const tally = tallyOf(expected);
  for (const payout of payouts) if (isInFlight(payout)) addTo(tally, payout.currency, -payout.amountCents);
  return listOf(tally);
}

/** counted − expected in every currency either names; below zero when cash is missing. */
export function differenceOf(counted: readonly CashAmount[], expected: readonly CashAmount[]): CashAmount[] {
  const tally = tallyOf(counted);
  for (const entry of expected) addTo(tally, entry.currency, -entry.amountCents);
  return listOf(tally);
}

/** A difference beyond the tolerance, either way, in any currency. */
export function needsSignOff(difference: readonly CashAmount[], toleranceCents: number): boolean {
  return difference.some((entry) => Math.abs(entry.amountCents) > toleranceCents);
}

/** Whether the drawer can give `amountCents` more in `currency`: a payout, or a drop to the safe. */
export function covers(available: readonly CashAmount[], amountCents: number, currency: string): boolean {
  return amountCents <= cashIn(available, currency);
}
