import { describe, expect, it } from 'vitest';
import { approvalRequired, checkAmount, checkApprover, checkDailyCap, hasDailyCap, localDayOf, mayAccess } from '../../../server/cashout/limits.ts';
import type { CashoutSettings } from '../../../server/cashout/types.ts';

const settings: CashoutSettings = {
  limits: [
    { currency: 'EUR', maxAmountCents: 100_000, supervisorThresholdCents: 30_000, dailyCapCents: 150_000 },
    { currency: 'USD', maxAmountCents: 100_000, supervisorThresholdCents: 30_000, dailyCapCents: 150_000 },
  ],
  reserveSeconds: 300,
  maxCodeAttempts: 3,
  createGraceMs: 60_000,
  writeGraceMs: 0,
};

/** EUR as above; GBP with lower limits of its own and no cap. */
const twoCurrencies: CashoutSettings = {
  ...settings,
  limits: [
    { currency: 'EUR', maxAmountCents: 100_000, supervisorThresholdCents: 30_000, dailyCapCents: 150_000 },
    { currency: 'GBP', maxAmountCents: 50_000, supervisorThresholdCents: 25_000, dailyCapCents: null },
  ],
};

describe('checkAmount', () => {
  it('accepts amounts up to and including the per-transaction limit', () => {
    expect(checkAmount(settings, 1, 'EUR')).toEqual({ ok: true });
    expect(checkAmount(settings, 100_000, 'EUR')).toEqual({ ok: true });
  });

  it('refuses one cent above the limit with LIMIT_EXCEEDED and names the limit', () => {
    const result = checkAmount(settings, 100_001, 'EUR');
    expect(result).toMatchObject({ ok: false, code: 'LIMIT_EXCEEDED' });
    if (!result.ok) expect(result.message).toContain('1000.00 EUR');
  });

  it('applies the limit of the cash-out\'s own currency', () => {
    expect(checkAmount(twoCurrencies, 50_000, 'GBP')).toEqual({ ok: true });
    const over = checkAmount(twoCurrencies, 50_001, 'GBP');
    expect(over).toMatchObject({ ok: false, code: 'LIMIT_EXCEEDED' });
    if (!over.ok) expect(over.message).toContain('500.00 GBP');
    expect(checkAmount(twoCurrencies, 50_001, 'EUR')).toEqual({ ok: true });
  });

  it('refuses a currency that is real but not offered, and one that is not a currency', () => {
    expect(checkAmount(settings, 5000, 'GBP')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(checkAmount(settings, 5000, 'XXX')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %d cents', (cents) => {
    expect(checkAmount(settings, cents, 'EUR')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('approvalRequired', () => {
  it('requires approval at and above the threshold, not below', () => {
    expect(approvalRequired(settings, 29_999, 'EUR')).toBe(false);
    expect(approvalRequired(settings, 30_000, 'EUR')).toBe(true);
    expect(approvalRequired(settings, 30_001, 'EUR')).toBe(true);
  });

  it('uses the threshold of the cash-out\'s own currency', () => {
    expect(approvalRequired(twoCurrencies, 29_999, 'GBP')).toBe(true);
    expect(approvalRequired(twoCurrencies, 24_999, 'GBP')).toBe(false);
    expect(approvalRequired(twoCurrencies, 29_999, 'EUR')).toBe(false);
  });

  it('requires approval for a currency that is no longer accepted, since no threshold is known for it', () => {
    expect(approvalRequired(twoCurrencies, 1, 'USD')).toBe(true);
  });
});

describe('checkDailyCap', () => {
  const record = (status: 'created' | 'reserved' | 'in_doubt' | 'confirmed' | 'cancelled' | 'expired' | 'failed', amountCents: number, currency = 'EUR') => ({
    status,
    amountCents,
    currency,
  });

  it('counts confirmed and in-progress cash-outs of the same currency', () => {
    const todays = [record('confirmed', 50_000), record('reserved', 40_000), record('created', 30_000), record('in_doubt', 10_000)];
    expect(checkDailyCap(settings, 20_000, 'EUR', todays)).toEqual({ ok: true });
    const over = checkDailyCap(settings, 20_001, 'EUR', todays);
    expect(over).toMatchObject({ ok: false, code: 'LIMIT_EXCEEDED' });
    if (!over.ok) expect(over.message).toContain('200.00 EUR is left');
  });

  it('ignores cancelled, expired and failed cash-outs and other currencies', () => {
    const todays = [record('cancelled', 100_000), record('expired', 100_000), record('failed', 100_000), record('confirmed', 100_000, 'USD')];
    expect(checkDailyCap(settings, 100_000, 'EUR', todays)).toEqual({ ok: true });
    expect(checkDailyCap(settings, 50_001, 'USD', todays)).toMatchObject({ ok: false, code: 'LIMIT_EXCEEDED' });
  });

  it('allows anything when no cap is set for the currency', () => {
    expect(checkDailyCap(twoCurrencies, 50_000, 'GBP', [record('confirmed', 10_000_000, 'GBP')])).toEqual({ ok: true });
    expect(hasDailyCap(twoCurrencies)).toBe(true);
    expect(hasDailyCap({ ...settings, limits: twoCurrencies.limits.filter((limits) => limits.currency === 'GBP') })).toBe(false);
  });

  it('counts each currency against its own cap', () => {
    const capped: CashoutSettings = { ...settings, limits: [{ currency: 'GBP', maxAmountCents: 50_000, supervisorThresholdCents: 25_000, dailyCapCents: 60_000 }] };
    const todays = [record('confirmed', 50_000, 'GBP')];
    expect(checkDailyCap(capped, 10_000, 'GBP', todays)).toEqual({ ok: true });
    const over = checkDailyCap(capped, 10_001, 'GBP', todays);
    expect(over).toMatchObject({ ok: false, code: 'LIMIT_EXCEEDED' });
    if (!over.ok) expect(over.message).toContain('600.00 GBP');
  });
});

describe('checkApprover', () => {
  const cashout = { cashier: 'ona' };

  it('accepts a supervisor or an admin other than the cashier', () => {
    expect(checkApprover(cashout, { username: 'sam', role: 'supervisor' })).toEqual({ ok: true });
    expect(checkApprover(cashout, { username: 'ada', role: 'admin' })).toEqual({ ok: true });
  });

  it('refuses a cashier as approver', () => {
    expect(checkApprover(cashout, { username: 'bob', role: 'cashier' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses the cash-out\'s own cashier even with a supervisor role', () => {
    expect(checkApprover({ cashier: 'sam' }, { username: 'sam', role: 'supervisor' })).toMatchObject({ ok: false, code: 'SELF_APPROVAL' });
  });
});

describe('mayAccess', () => {
  it('lets a cashier act on their own cash-outs only, supervisors and admins on all', () => {
    expect(mayAccess({ username: 'ona', role: 'cashier' }, { cashier: 'ona' })).toBe(true);
    expect(mayAccess({ username: 'bob', role: 'cashier' }, { cashier: 'ona' })).toBe(false);
    expect(mayAccess({ username: 'sam', role: 'supervisor' }, { cashier: 'ona' })).toBe(true);
    expect(mayAccess({ username: 'ada', role: 'admin' }, { cashier: 'ona' })).toBe(true);
  });
});

describe('localDayOf', () => {
  it('spans the local calendar day holding the instant', () => {
    const at = new Date(2026, 10, 26, 15, 30).getTime();
    expect(localDayOf(at)).toEqual({ from: new Date(2026, 10, 26).getTime(), to: new Date(2026, 10, 27).getTime() });
    expect(localDayOf(new Date(2026, 10, 26).getTime()).from).toBe(new Date(2026, 10, 26).getTime());
  });
});
