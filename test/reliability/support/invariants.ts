import { parseAmount } from '../../../shared/money.ts';
import type { TransactionView, WalletView } from '../../../server/simulator/index.ts';
import type { Cashout } from '../../../shared/api.ts';
import { isTerminalStatus } from './flows.ts';

/**
 * What must hold once every cash-out is settled, whatever failed on the way: Kasa and Paysera
 * agree on what was paid out, nothing is paid twice, no money is left on hold, and each wallet
 * lost exactly what was paid out of it. Each check returns readable violations, [] when it holds.
 */

export interface AuditEventJson {
  seq: number;
  action: string;
  cashoutId: string | null;
  outcome: string;
  transactionKey: string | null;
}

export interface SettledWorld {
  /** Every cash-out the server knows, as a supervisor's history shows it. */
  cashouts: readonly Cashout[];
  transactions: readonly TransactionView[];
  wallets: readonly WalletView[];
  startBalances: ReadonlyMap<number, number>;
  /** Transaction keys of every answer that said `confirmed` during the run. */
  confirmedKeysSeen: ReadonlySet<string>;
}

const centsOf = (amount: string): number => {
  const parsed = parseAmount(amount);
  if (!parsed.ok) throw new Error(`the server showed an unreadable amount ${JSON.stringify(amount)}`);
  return parsed.cents;
};

function difference(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((item) => !b.has(item));
}

export function checkSettled(world: SettledWorld): string[] {
  const violations: string[] = [];
  const byKey = new Map(world.transactions.map((tx) => [tx.key, tx]));
  const keyed = world.cashouts.filter((cashout) => cashout.transactionKey !== null);

  for (const cashout of world.cashouts) {
    if (!isTerminalStatus(cashout.status)) violations.push(`cash-out ${cashout.id} is still ${cashout.status}`);
  }

  const keyOwners = new Map<string, string[]>();
  for (const cashout of keyed) keyOwners.set(cashout.transactionKey ?? '', [...(keyOwners.get(cashout.transactionKey ?? '') ?? []), cashout.id]);
  for (const [key, owners] of keyOwners) {
    if (owners.length > 1) violations.push(`transaction ${key} belongs to ${owners.length} cash-outs: ${owners.join(', ')}`);
    if (!byKey.has(key)) violations.push(`cash-out ${owners.join(', ')} names transaction ${key}, which Paysera does not have`);
  }

  const kasaConfirmed = new Set(keyed.filter((c) => c.status === 'confirmed').map((c) => c.transactionKey ?? ''));
  const payseraConfirmed = new Set(world.transactions.filter((tx) => tx.status === 'confirmed').map((tx) => tx.key));
  for (const key of difference(kasaConfirmed, payseraConfirmed)) violations.push(`Kasa shows ${key} confirmed, Paysera shows ${byKey.get(key)?.status ?? 'nothing'}`);
  for (const key of difference(payseraConfirmed, kasaConfirmed)) {
    const owner = keyed.find((c) => c.transactionKey === key);
    violations.push(`Paysera confirmed ${key}, Kasa shows ${owner ? `${owner.id} ${owner.status}` : 'no cash-out for it'}`);
  }
  for (const key of difference(world.confirmedKeysSeen, kasaConfirmed)) violations.push(`a cashier was told ${key} was confirmed, but it ended ${byKey.get(key)?.status ?? 'unknown'}`);
  for (const cashout of world.cashouts) {
    if (cashout.status === 'confirmed' && cashout.transactionKey === null) violations.push(`cash-out ${cashout.id} is confirmed without a transaction`);
  }

  for (const tx of world.transactions) {
    if (tx.confirmCount > 1) violations.push(`transaction ${tx.key} received ${tx.confirmCount} confirms`);
  }

  for (const cashout of keyed) {
    const tx = byKey.get(cashout.transactionKey ?? '');
    if (!tx) continue;
    if (tx.amount !== centsOf(cashout.amount) || tx.currency !== cashout.currency) {
      violations.push(`cash-out ${cashout.id} is ${cashout.amount} ${cashout.currency}, its transaction ${tx.amount} cents ${tx.currency}`);
    }
    if (isTerminalStatus(cashout.status) && cashout.status !== 'confirmed' && tx.status !== 'revoked') {
      violations.push(`cash-out ${cashout.id} ended ${cashout.status} but its transaction ${tx.key} is still ${tx.status}`);
    }
  }
  const known = new Set(keyOwners.keys());
  for (const tx of world.transactions) {
    if (!known.has(tx.key) && tx.status !== 'new' && tx.status !== 'revoked') violations.push(`transaction ${tx.key} is ${tx.status} but no cash-out knows it`);
  }

  for (const wallet of world.wallets) {
    for (const [currency, held] of Object.entries(wallet.held)) {
      if (held !== 0) violations.push(`wallet ${wallet.id} still holds ${held} cents ${currency}`);
    }
    const start = world.startBalances.get(wallet.id);
    if (start === undefined) continue;
    const paidOut = keyed
      .filter((c) => c.status === 'confirmed' && byKey.get(c.transactionKey ?? '')?.walletId === wallet.id)
      .reduce((sum, c) => sum + centsOf(c.amount), 0);
    const balance = wallet.balances.EUR ?? 0;
    if (balance !== start - paidOut) violations.push(`wallet ${wallet.id} has ${balance} cents, expected ${start} − ${paidOut} = ${start - paidOut}`);
  }
  return violations;
}

/**
 * The outcome the workflow writes on the event that ends a cash-out (server/cashout/advance.ts):
 * the new status, or for `failed` the error code that failed it.
 */
function finalOutcomeOf(cashout: Cashout): string {
  return cashout.status === 'failed' ? (cashout.error?.code ?? 'failed') : cashout.status;
}

/** Every outcome that marks an end. */
const endingOutcomes = new Set(['confirmed', 'cancelled', 'expired', 'failed', 'TOO_MANY_ATTEMPTS', 'AMOUNT_MISMATCH', 'WALLET_UNAVAILABLE', 'paysera_confirmed']);

/**
 * After its end a cash-out only gets follow-ups: the sweeper or a read finishing a revoke that was
 * still open, recorded under the status the cash-out already has (server/cashout/reconcile.ts).
 */
const followUpActions = new Set(['cashout.sweep', 'cashout.reconcile']);

/**
 * Exactly one final event per cash-out: the first event with an ending outcome, which must be the
 * outcome the cash-out ended with; anything after it may only be a follow-up.
 */
export function checkAuditFinalEvents(cashouts: readonly Cashout[], events: readonly AuditEventJson[]): string[] {
  const violations: string[] = [];
  const eventsOf = new Map<string, AuditEventJson[]>();
  for (const event of events) {
    if (event.cashoutId === null) continue;
    eventsOf.set(event.cashoutId, [...(eventsOf.get(event.cashoutId) ?? []), event]);
  }
  for (const cashout of cashouts) {
    const expected = finalOutcomeOf(cashout);
    const own = (eventsOf.get(cashout.id) ?? []).sort((a, b) => a.seq - b.seq);
    const trail = own.map((event) => `#${event.seq} ${event.action} → ${event.outcome}`).join('; ');
    const endAt = own.findIndex((event) => endingOutcomes.has(event.outcome) || event.outcome === expected);
    const end = own[endAt];
    if (!isTerminalStatus(cashout.status)) {
      if (end !== undefined) violations.push(`cash-out ${cashout.id} is ${cashout.status} again after its final audit event: ${trail}`);
      continue;
    }
    if (end === undefined) {
      violations.push(`cash-out ${cashout.id} ended ${expected} without a final audit event: ${trail}`);
      continue;
    }
    if (end.outcome !== expected) violations.push(`cash-out ${cashout.id} ended ${expected} but its final audit event says ${end.outcome}: ${trail}`);
    const after = own.slice(endAt + 1).filter((event) => !(followUpActions.has(event.action) && event.outcome === cashout.status));
    if (after.length > 0) violations.push(`cash-out ${cashout.id} (${expected}) has events after its final one: ${trail}`);
  }
  const shown = new Set(cashouts.map((cashout) => cashout.id));
  const unknown = [...eventsOf.keys()].filter((id) => !shown.has(id));
  if (unknown.length > 0) violations.push(`audit events name cash-outs the history does not show: ${unknown.slice(0, 5).join(', ')}`);
  return violations;
}

export function countByStatus(cashouts: readonly Cashout[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const cashout of cashouts) {
    const key = cashout.status === 'failed' ? `failed (${cashout.error?.code ?? '?'})` : cashout.status;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Cash-outs that went in doubt at some point: their audit trail holds an `in_doubt` outcome. */
export function inDoubtCashouts(events: readonly AuditEventJson[]): Set<string> {
  return new Set(events.filter((event) => event.outcome === 'in_doubt' && event.cashoutId !== null).map((event) => event.cashoutId ?? ''));
}
