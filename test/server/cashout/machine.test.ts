import { describe, expect, it } from 'vitest';
import { cashoutStatuses } from '../../../shared/api.ts';
import type { CashoutStatus } from '../../../shared/api.ts';
import { isSettled, isTerminal, mayStart, transition } from '../../../server/cashout/machine.ts';
import type { CashoutEvent, CashoutStep, StartAnswer } from '../../../server/cashout/machine.ts';
import type { PendingOperation } from '../../../server/store/types.ts';

// Every event the workflow can produce, each parameter value spelled out.
const events: Record<string, CashoutEvent> = {
  create_failed: { type: 'create_failed' },
  reserved: { type: 'reserved' },
  'reserve_refused:INVALID_CODE': { type: 'reserve_refused', code: 'INVALID_CODE' },
  'reserve_refused:CODE_EXPIRED': { type: 'reserve_refused', code: 'CODE_EXPIRED' },
  'reserve_refused:INSUFFICIENT_FUNDS': { type: 'reserve_refused', code: 'INSUFFICIENT_FUNDS' },
  attempts_exhausted: { type: 'attempts_exhausted' },
  amount_mismatch: { type: 'amount_mismatch' },
  confirmed: { type: 'confirmed' },
  revoked: { type: 'revoked' },
  hold_expired: { type: 'hold_expired' },
  cancel: { type: 'cancel' },
  'unknown:create': { type: 'outcome_unknown', operation: 'create' },
  'unknown:reserve': { type: 'outcome_unknown', operation: 'reserve' },
  'unknown:confirm': { type: 'outcome_unknown', operation: 'confirm' },
  'unknown:revoke': { type: 'outcome_unknown', operation: 'revoke' },
  'observed:new': { type: 'observed', walletStatus: 'new' },
  'observed:waiting': { type: 'observed', walletStatus: 'waiting' },
  'observed:waiting_funds': { type: 'observed', walletStatus: 'waiting_funds' },
  'observed:waiting_registration': { type: 'observed', walletStatus: 'waiting_registration' },
  'observed:waiting_password': { type: 'observed', walletStatus: 'waiting_password' },
  'observed:reserved': { type: 'observed', walletStatus: 'reserved' },
  'observed:confirmed': { type: 'observed', walletStatus: 'confirmed' },
  'observed:rejected': { type: 'observed', walletStatus: 'rejected' },
  'observed:revoked': { type: 'observed', walletStatus: 'revoked' },
  'observed:failed': { type: 'observed', walletStatus: 'failed' },
  'observed:deleted': { type: 'observed', walletStatus: 'deleted' },
};

// The whole table, written out by hand: any (state, event) pair not listed here must be refused.
const observedFromLive: Record<string, CashoutStatus> = {
  'observed:new': 'created',
  'observed:waiting': 'created',
  'observed:waiting_funds': 'created',
  'observed:waiting_registration': 'created',
  'observed:waiting_password': 'created',
  'observed:reserved': 'reserved',
  'observed:confirmed': 'confirmed',
  'observed:rejected': 'failed',
  'observed:revoked': 'cancelled',
  'observed:failed': 'failed',
  'observed:deleted': 'expired',
};

const expected: Record<CashoutStatus, Record<string, CashoutStatus>> = {
  created: {
    create_failed: 'failed',
    reserved: 'reserved',
    'reserve_refused:INVALID_CODE': 'created',
    'reserve_refused:CODE_EXPIRED': 'created',
    'reserve_refused:INSUFFICIENT_FUNDS': 'created',
    attempts_exhausted: 'failed',
    amount_mismatch: 'failed',
    revoked: 'cancelled',
    hold_expired: 'expired',
    cancel: 'cancelled',
    'unknown:create': 'in_doubt',
    'unknown:reserve': 'in_doubt',
    'unknown:revoke': 'in_doubt',
    ...observedFromLive,
  },
  reserved: {
    confirmed: 'confirmed',
    revoked: 'cancelled',
    hold_expired: 'expired',
    'unknown:confirm': 'in_doubt',
    'unknown:revoke': 'in_doubt',
    ...observedFromLive,
  },
  in_doubt: {
    create_failed: 'failed',
    amount_mismatch: 'failed',
    cancel: 'cancelled',
    ...observedFromLive,
  },
  confirmed: {},
  cancelled: {},
  expired: {},
  failed: {},
};

describe('transition', () => {
  for (const state of cashoutStatuses) {
    for (const [label, event] of Object.entries(events)) {
      const next = expected[state][label];
      it(`${state} × ${label} → ${next ?? 'refused'}`, () => {
        expect(transition(state, event)).toEqual(next === undefined ? { ok: false } : { ok: true, next });
      });
    }
  }

  it('lists only events that exist in the table', () => {
    for (const state of cashoutStatuses) {
      for (const label of Object.keys(expected[state])) expect(events).toHaveProperty([label]);
    }
  });

  it('reaches confirmed only through a confirmed answer or an observed confirmed status', () => {
    const leadsToConfirmed: string[] = [];
    for (const state of cashoutStatuses) {
      for (const [label, event] of Object.entries(events)) {
        const result = transition(state, event);
        if (result.ok && result.next === 'confirmed') leadsToConfirmed.push(`${state} × ${label}`);
      }
    }
    expect(leadsToConfirmed.sort()).toEqual(
      ['created × observed:confirmed', 'in_doubt × observed:confirmed', 'reserved × confirmed', 'reserved × observed:confirmed'].sort(),
    );
  });

  it('treats confirmed, cancelled, expired and failed as terminal', () => {
    expect(cashoutStatuses.filter(isTerminal)).toEqual(['confirmed', 'cancelled', 'expired', 'failed']);
  });
});

// "May this step start?", written out by hand for every settled status; an open write comes first.
const startOnSettled: Record<CashoutStep, Record<Exclude<CashoutStatus, 'in_doubt'>, StartAnswer>> = {
  reserve: { created: 'start', reserved: 'refused', confirmed: 'refused', cancelled: 'refused', expired: 'refused', failed: 'refused' },
  approve: { created: 'refused', reserved: 'start', confirmed: 'refused', cancelled: 'refused', expired: 'refused', failed: 'refused' },
  confirm: { created: 'refused', reserved: 'start', confirmed: 'done', cancelled: 'refused', expired: 'refused', failed: 'refused' },
  cancel: { created: 'start', reserved: 'start', confirmed: 'refused', cancelled: 'done', expired: 'refused', failed: 'refused' },
  sweep: { created: 'start', reserved: 'start', confirmed: 'done', cancelled: 'done', expired: 'done', failed: 'done' },
};

const steps: CashoutStep[] = ['reserve', 'approve', 'confirm', 'cancel', 'sweep'];
const pendings: (PendingOperation | null)[] = [null, 'create', 'reserve', 'confirm', 'revoke'];

describe('mayStart', () => {
  for (const step of steps) {
    for (const status of cashoutStatuses) {
      for (const pending of pendings) {
        // A final status is answered as it stands (only the sweeper finishes a revoke left open there).
        const answeredAsIs = pending === null || (isTerminal(status) && step !== 'sweep');
        const expectedAnswer = status === 'in_doubt' || !answeredAsIs ? 'settle_first' : startOnSettled[step][status];
        it(`${step} on ${status}${pending === null ? '' : ` with a pending ${pending}`} → ${expectedAnswer}`, () => {
          expect(mayStart(step, { status, pending })).toBe(expectedAnswer);
        });
      }
    }
  }

  it('calls a cash-out settled only without a pending write and outside in_doubt', () => {
    const settled = cashoutStatuses.flatMap((status) => pendings.map((pending) => ({ status, pending }))).filter(isSettled);
    expect(settled).toEqual(cashoutStatuses.filter((status) => status !== 'in_doubt').map((status) => ({ status, pending: null })));
  });

  it('lets confirm start only where the machine has a confirm to make, and cancel only where a revoke may follow', () => {
    const startable = (step: CashoutStep) => cashoutStatuses.filter((status) => mayStart(step, { status, pending: null }) === 'start');
    for (const status of startable('confirm')) expect(transition(status, { type: 'confirmed' }).ok).toBe(true);
    for (const status of startable('cancel')) expect(transition(status, { type: 'revoked' }).ok).toBe(true);
    for (const status of startable('reserve')) expect(transition(status, { type: 'reserved' }).ok).toBe(true);
  });
});
