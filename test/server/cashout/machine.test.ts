import { describe, expect, it } from 'vitest';
import { cashoutStatuses } from '../../../shared/api.ts';
import type { CashoutStatus } from '../../../shared/api.ts';
import { isTerminal, transition } from '../../../server/cashout/machine.ts';
import type { CashoutEvent } from '../../../server/cashout/machine.ts';

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
