import { describe, expect, it } from 'vitest';
import type { ScreenName } from '../../web/flow.ts';
import { shouldOfferUpdate } from '../../web/update.ts';

const idleHome = { updateWaiting: true, screen: 'amount' as ScreenName, cashoutInProgress: false, busy: false };

describe('the update prompt gate', () => {
  it('offers a waiting update on the idle home screen', () => {
    expect(shouldOfferUpdate(idleHome)).toBe(true);
  });

  it('offers nothing when no update waits', () => {
    expect(shouldOfferUpdate({ ...idleHome, updateWaiting: false })).toBe(false);
  });

  it('never offers it on any screen of a cash-out or elsewhere', () => {
    const others: ScreenName[] = ['boot', 'offline', 'signin', 'scan', 'verify', 'checking', 'give-cash', 'error', 'history', 'report', 'settings'];
    for (const screen of others) expect(shouldOfferUpdate({ ...idleHome, screen }), screen).toBe(false);
  });

  it('waits while a cash-out is remembered or the cashier is typing or sending', () => {
    expect(shouldOfferUpdate({ ...idleHome, cashoutInProgress: true })).toBe(false);
    expect(shouldOfferUpdate({ ...idleHome, busy: true })).toBe(false);
  });
});
