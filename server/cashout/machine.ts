import type { CashoutStatus } from '../../shared/api.ts';
import type { CashoutRecord, PendingOperation } from '../store/types.ts';
import type { TransactionStatus } from '../wallet/types.ts';

/**
 * The cash-out lifecycle as a total function over (status, event). The workflow may only change a
 * status through `transition`, so a move the table does not list cannot happen — above all, nothing
 * but a `confirmed` answer or an observed `confirmed` status ever leads to `confirmed`. Which step
 * may start from which state, a write still in doubt included, is answered here too (`mayStart`),
 * so no step restates it.
 */

export type ReserveRefusal = 'INVALID_CODE' | 'CODE_EXPIRED' | 'INSUFFICIENT_FUNDS';

export type CashoutEvent =
  /** Paysera refused the create, or a create in doubt turned out to have moved nothing. */
  | { type: 'create_failed' }
  /** Paysera reserved exactly the amount and currency asked for. */
  | { type: 'reserved' }
  /** The code was refused and attempts remain. */
  | { type: 'reserve_refused'; code: ReserveRefusal }
  /** The last allowed attempt was refused; the transaction is revoked. */
  | { type: 'attempts_exhausted' }
  /** Paysera reserved another amount or currency; the transaction is revoked. */
  | { type: 'amount_mismatch' }
  /** Paysera answered the confirm with `confirmed`. */
  | { type: 'confirmed' }
  /** Paysera acknowledged the revoke the cashier asked for. */
  | { type: 'revoked' }
  /** The hold ran out (or the cash-out was abandoned) and the transaction is revoked. */
  | { type: 'hold_expired' }
  /** The cashier cancelled and no transaction exists at Paysera to revoke. */
  | { type: 'cancel' }
  /** A Wallet write timed out or its connection dropped. */
  | { type: 'outcome_unknown'; operation: PendingOperation }
  /** The transaction's status as read back from Paysera. */
  | { type: 'observed'; walletStatus: TransactionStatus };

export type CashoutEventType = CashoutEvent['type'];

export type Transition = { ok: true; next: CashoutStatus } | { ok: false };

export const terminalStatuses: readonly CashoutStatus[] = ['confirmed', 'cancelled', 'expired', 'failed'];

export function isTerminal(status: CashoutStatus): boolean {
  return terminalStatuses.includes(status);
}

type FixedEventType = Exclude<CashoutEventType, 'outcome_unknown' | 'observed'>;

const fixedMoves: Record<FixedEventType, Partial<Record<CashoutStatus, CashoutStatus>>> = {
  create_failed: { created: 'failed', in_doubt: 'failed' },
  reserved: { created: 'reserved' },
  reserve_refused: { created: 'created' },
  attempts_exhausted: { created: 'failed' },
  amount_mismatch: { created: 'failed', in_doubt: 'failed' },
  confirmed: { reserved: 'confirmed' },
  revoked: { created: 'cancelled', reserved: 'cancelled' },
  hold_expired: { created: 'expired', reserved: 'expired' },
  cancel: { created: 'cancelled', in_doubt: 'cancelled' },
};

/** Where each Wallet write can be sent from: a confirm only from `reserved`, a create or reserve only from `created`. */
const unknownFrom: Record<PendingOperation, readonly CashoutStatus[]> = {
  create: ['created'],
  reserve: ['created'],
  confirm: ['reserved'],
  revoke: ['created', 'reserved'],
};

/** What Paysera's status means for the cash-out; every state before a final one is "not yet reserved". */
export const statusForWalletStatus: Record<TransactionStatus, CashoutStatus> = {
  new: 'created',
  waiting: 'created',
  waiting_funds: 'created',
  waiting_registration: 'created',
  waiting_password: 'created',
  reserved: 'reserved',
  confirmed: 'confirmed',
  revoked: 'cancelled',
  deleted: 'expired',
  rejected: 'failed',
  failed: 'failed',
};

export function transition(state: CashoutStatus, event: CashoutEvent): Transition {
  if (isTerminal(state)) return { ok: false };
  switch (event.type) {
    case 'outcome_unknown':
      return unknownFrom[event.operation].includes(state) ? { ok: true, next: 'in_doubt' } : { ok: false };
    case 'observed':
      return { ok: true, next: statusForWalletStatus[event.walletStatus] };
    default: {
      const next = fixedMoves[event.type][state];
      return next === undefined ? { ok: false } : { ok: true, next };
    }
  }
}

/** Where a cash-out stands for the question "may this step start?": its status and any write still open. */
export type CashoutState = Pick<CashoutRecord, 'status' | 'pending'>;

/** No Wallet write is waiting for its outcome: the cash-out is what Kasa last recorded. */
export function isSettled(state: CashoutState): boolean {
  return state.pending === null && state.status !== 'in_doubt';
}

/** What a cashier, a supervisor or the sweeper can ask of a cash-out. */
export type CashoutStep = 'reserve' | 'approve' | 'confirm' | 'cancel' | 'sweep';

/**
 * The answer to "may this step start?":
 * - `start`: it may.
 * - `done`: what the step would do is already so (a second confirm or cancel); answer with the cash-out.
 * - `settle_first`: a write's outcome is open; read the transaction back, then ask again.
 * - `refused`: not from this status.
 */
export type StartAnswer = 'start' | 'done' | 'settle_first' | 'refused';

const startsFrom: Record<CashoutStep, readonly CashoutStatus[]> = {
  reserve: ['created'],
  approve: ['reserved'],
  confirm: ['reserved'],
  cancel: ['created', 'reserved'],
  // The sweeper releases holds past their time and transactions nobody reserved.
  sweep: ['created', 'reserved'],
};

const doneAt: Record<CashoutStep, readonly CashoutStatus[]> = {
  reserve: [],
  approve: [],
  confirm: ['confirmed'],
  cancel: ['cancelled'],
  sweep: terminalStatuses,
};

export function mayStart(step: CashoutStep, state: CashoutState): StartAnswer {
  // A final status never changes again, whatever a revoke still open reports: a step asked of it
  // is answered at once, and finishing that revoke is left to the sweeper.
  if (isTerminal(state.status) && step !== 'sweep') return doneAt[step].includes(state.status) ? 'done' : 'refused';
  // Nothing starts over a write whose outcome is open: it might have moved the money already.
  if (!isSettled(state)) return 'settle_first';
  if (doneAt[step].includes(state.status)) return 'done';
  return startsFrom[step].includes(state.status) ? 'start' : 'refused';
}
