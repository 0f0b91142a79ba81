import type { CashAmount, ShiftRecord } from '../../../server/store/desk-types.ts';
import type { Store } from '../../../server/store/types.ts';
import type { ShiftRun } from './shift-flows.ts';

/**
 * The books of every drawer, recomputed from the store with plain sums (not the server's own
 * arithmetic): each closed shift's stored expected cash is float + pay-ins − drops − its confirmed
 * payouts; no payout ever took a drawer below zero; every payout was made inside its cashier's shift.
 */

const centsIn = (cash: readonly CashAmount[] | null, currency: string) => cash?.find((entry) => entry.currency === currency)?.amountCents ?? 0;

export interface DrawerFigures {
  shifts: number;
  payoutsInShifts: number;
  lowestBalanceCents: number;
}

export async function checkDrawers(store: Store, since: number, run: ShiftRun, approver: string): Promise<{ problems: string[]; figures: DrawerFigures }> {
  const problems: string[] = [];
  const figures: DrawerFigures = { shifts: 0, payoutsInShifts: 0, lowestBalanceCents: Number.POSITIVE_INFINITY };
  const shifts = await store.listShifts(since - 1000, Date.now() + 1000);
  const shiftOf = new Map<string, ShiftRecord>(shifts.map((shift) => [shift.id, shift]));

  for (const shift of shifts) {
    figures.shifts += 1;
    const name = `shift ${shift.id} of ${shift.cashier}`;
    if (shift.status !== 'closed') problems.push(`${name} is ${shift.status}, not closed`);
    const movements = await store.listMovements(shift.id);
    const payouts = await store.listShiftCashouts(shift.id);
    figures.payoutsInShifts += payouts.length;
    const currencies = new Set([...shift.float, ...movements, ...payouts, ...(shift.expected ?? [])].map((entry) => entry.currency));
    for (const currency of currencies) {
      let sum = centsIn(shift.float, currency);
      for (const movement of movements) if (movement.currency === currency) sum += movement.kind === 'pay_in' ? movement.amountCents : -movement.amountCents;
      for (const payout of payouts) if (payout.currency === currency && payout.status === 'confirmed') sum -= payout.amountCents;
      if (centsIn(shift.expected, currency) !== sum) problems.push(`${name}: stored expected ${centsIn(shift.expected, currency)} ${currency}, recomputed ${sum}`);

      // A payout's cash is promised from its create on; counted from then, the drawer must never go below zero.
      const events = [
        ...movements.filter((m) => m.currency === currency).map((m) => ({ at: m.at, cents: m.kind === 'pay_in' ? m.amountCents : -m.amountCents })),
        ...payouts.filter((p) => p.currency === currency && p.status === 'confirmed').map((p) => ({ at: p.createdAt, cents: -p.amountCents })),
      ].sort((a, b) => a.at - b.at || b.cents - a.cents);
      let balance = centsIn(shift.float, currency);
      for (const event of events) {
        balance += event.cents;
        figures.lowestBalanceCents = Math.min(figures.lowestBalanceCents, balance);
        if (balance < 0) problems.push(`${name}: the drawer went to ${balance} ${currency} at ${new Date(event.at).toISOString()}`);
      }
    }
    const counted = run.counted.get(shift.id);
    if (counted === undefined) problems.push(`${name} was closed without the cashier's count being recorded`);
    else if (centsIn(shift.counted, 'EUR') !== counted) problems.push(`${name}: stored count ${centsIn(shift.counted, 'EUR')}, counted ${counted}`);
    const off = [...currencies].some((currency) => centsIn(shift.counted, currency) !== centsIn(shift.expected, currency));
    if (off && shift.signedOffBy !== approver) problems.push(`${name} closed with a difference but signed off by ${shift.signedOffBy}`);
    if (!off && shift.signedOffBy !== null) problems.push(`${name} closed without a difference yet signed off`);
  }

  for (const cashout of await store.listCashouts(since - 1000, Date.now() + 1000)) {
    const shift = cashout.shiftId === null ? undefined : shiftOf.get(cashout.shiftId);
    if (!shift) {
      problems.push(`cash-out ${cashout.id} of ${cashout.cashier} has no shift of this run`);
      continue;
    }
    if (shift.cashier !== cashout.cashier) problems.push(`cash-out ${cashout.id} of ${cashout.cashier} is in ${shift.cashier}'s shift`);
    if (cashout.createdAt < shift.openedAt || (shift.closedAt !== null && cashout.createdAt > shift.closedAt)) {
      problems.push(`cash-out ${cashout.id} was created outside its shift's hours`);
    }
  }
  return { problems, figures };
}
