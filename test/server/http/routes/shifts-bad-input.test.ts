import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftResponse } from '../../../../shared/desk-api.ts';
import { addLocation, allAudit } from '../../desk/desk-support.ts';
import { call, errorOf, password, signIn, startHarness, users, type Harness } from '../harness.ts';

/**
 * Issue 14 item 7: bad input to the shift routes gets a clear error and changes nothing. Each case
 * compares everything the desk keeps, and the audit trail, before and after.
 */

let h: Harness;
const cookies: Record<'anna' | 'ben' | 'sam' | 'root', string> = { anna: '', ben: '', sam: '', root: '' };
let locationId = '';
let annaShift = '';
let closingShift = '';
let busyShift = '';

async function deskSnapshot(): Promise<string> {
  const shifts = await h.store.listShifts(0, Number.MAX_SAFE_INTEGER);
  const movements = await Promise.all(shifts.map((shift) => h.store.listMovements(shift.id)));
  const cashouts = await h.store.listCashouts(0, Number.MAX_SAFE_INTEGER);
  return JSON.stringify({ shifts, movements, cashouts, audit: await allAudit(h.store), transactions: h.simulator.state.transactions().length });
}

async function openShift(cookie: string): Promise<string> {
  const response = await call(h, 'POST', '/api/shifts', { cookie, body: { locationId, float: [{ amount: '100.00', currency: 'EUR' }] } });
  if (response.status !== 201) throw new Error(`open failed: ${response.status} ${await response.text()}`);
  return shiftResponse.parse(await response.json()).shift.id;
}

beforeAll(async () => {
  h = await startHarness({ env: { REQUIRE_SHIFT: 'true' } });
  cookies.anna = await signIn(h, users.cashier);
  cookies.ben = await signIn(h, users.otherCashier);
  cookies.sam = await signIn(h, users.supervisor);
  cookies.root = await signIn(h, users.admin);
  locationId = (await addLocation(h.store)).id;
  annaShift = await openShift(cookies.anna);
  closingShift = await openShift(cookies.ben);
  const closed = await call(h, 'POST', `/api/shifts/${closingShift}/close`, { cookie: cookies.ben, body: { counted: [{ amount: '90.00', currency: 'EUR' }] } });
  if (closed.status !== 200) throw new Error(`close failed: ${closed.status}`);
  // A payout created and not yet reserved: still in flight, so its shift cannot be counted.
  busyShift = await openShift(cookies.root);
  const created = await call(h, 'POST', '/api/cashouts', { cookie: cookies.root, body: { amount: '10.00', currency: 'EUR' } });
  if (created.status !== 201) throw new Error(`create failed: ${created.status}`);
});
afterAll(async () => {
  await h?.close();
});

const movement = (amount: unknown) => ({ kind: 'drop', amount, currency: 'EUR', reason: 'to the safe' });
const float = (amount: unknown) => ({ locationId, float: [{ amount, currency: 'EUR' }] });

/** Path and body are read when the case runs, after the shifts and the location exist. */
type Case = [name: string, who: keyof typeof cookies, method: string, path: () => string, body: () => unknown, status: number, code: string];

const cases: Case[] = [
  ['a negative float', 'sam', 'POST', () => '/api/shifts', () => float('-1.00'), 400, 'INVALID_INPUT'],
  ['a fractional-cent float', 'sam', 'POST', () => '/api/shifts', () => float('10.005'), 400, 'INVALID_INPUT'],
  ['a non-numeric float', 'sam', 'POST', () => '/api/shifts', () => float('ten'), 400, 'INVALID_INPUT'],
  ['a float as a JSON number', 'sam', 'POST', () => '/api/shifts', () => float(10), 400, 'INVALID_INPUT'],
  ['a float in one currency twice', 'sam', 'POST', () => '/api/shifts', () => ({ locationId, float: [{ amount: '1.00', currency: 'EUR' }, { amount: '2.00', currency: 'EUR' }] }), 400, 'INVALID_INPUT'],
  ['a float in a currency not offered', 'sam', 'POST', () => '/api/shifts', () => ({ locationId, float: [{ amount: '1.00', currency: 'SEK' }] }), 400, 'INVALID_INPUT'],
  ['an unknown location', 'sam', 'POST', () => '/api/shifts', () => ({ locationId: 'nowhere', float: [] }), 404, 'NOT_FOUND'],
  ['a field the request does not take', 'sam', 'POST', () => '/api/shifts', () => ({ locationId, float: [], cashier: 'ben' }), 400, 'INVALID_INPUT'],
  ['a second open shift', 'anna', 'POST', () => '/api/shifts', () => float('5.00'), 409, 'SHIFT_ALREADY_OPEN'],
  ['a negative movement', 'anna', 'POST', () => `/api/shifts/${annaShift}/movements`, () => movement('-5.00'), 400, 'INVALID_INPUT'],
  ['a fractional-cent movement', 'anna', 'POST', () => `/api/shifts/${annaShift}/movements`, () => movement('0.001'), 400, 'INVALID_INPUT'],
  ['a non-numeric movement', 'anna', 'POST', () => `/api/shifts/${annaShift}/movements`, () => movement('1e3'), 400, 'INVALID_INPUT'],
  ['a movement of nothing', 'anna', 'POST', () => `/api/shifts/${annaShift}/movements`, () => movement('0.00'), 400, 'INVALID_INPUT'],
  ['a movement without a reason', 'anna', 'POST', () => `/api/shifts/${annaShift}/movements`, () => ({ ...movement('1.00'), reason: ' ' }), 400, 'INVALID_INPUT'],
  ['a movement of an unknown kind', 'anna', 'POST', () => `/api/shifts/${annaShift}/movements`, () => ({ ...movement('1.00'), kind: 'refund' }), 400, 'INVALID_INPUT'],
  ['a drop of more than the drawer holds', 'anna', 'POST', () => `/api/shifts/${annaShift}/movements`, () => movement('100.01'), 409, 'NOT_ENOUGH_CASH'],
  ['moving cash in another cashier’s shift', 'ben', 'POST', () => `/api/shifts/${annaShift}/movements`, () => movement('1.00'), 403, 'FORBIDDEN'],
  ['a supervisor moving cash in a cashier’s shift', 'sam', 'POST', () => `/api/shifts/${annaShift}/movements`, () => movement('1.00'), 403, 'FORBIDDEN'],
  ['moving cash in a shift waiting for sign-off', 'ben', 'POST', () => `/api/shifts/${closingShift}/movements`, () => movement('1.00'), 409, 'SHIFT_CLOSED'],
  ['moving cash in no shift', 'anna', 'POST', () => '/api/shifts/no-such-shift/movements', () => movement('1.00'), 404, 'NOT_FOUND'],
  ['a negative count', 'anna', 'POST', () => `/api/shifts/${annaShift}/close`, () => ({ counted: [{ amount: '-0.01', currency: 'EUR' }] }), 400, 'INVALID_INPUT'],
  ['a fractional-cent count', 'anna', 'POST', () => `/api/shifts/${annaShift}/close`, () => ({ counted: [{ amount: '99.999', currency: 'EUR' }] }), 400, 'INVALID_INPUT'],
  ['a non-numeric count', 'anna', 'POST', () => `/api/shifts/${annaShift}/close`, () => ({ counted: [{ amount: 'lots', currency: 'EUR' }] }), 400, 'INVALID_INPUT'],
  ['closing another cashier’s shift', 'ben', 'POST', () => `/api/shifts/${annaShift}/close`, () => ({ counted: [] }), 403, 'FORBIDDEN'],
  ['closing a shift twice', 'ben', 'POST', () => `/api/shifts/${closingShift}/close`, () => ({ counted: [] }), 409, 'SHIFT_CLOSED'],
  ['a self sign-off', 'ben', 'POST', () => `/api/shifts/${closingShift}/sign-off`, () => ({ username: users.otherCashier, password }), 403, 'SELF_SIGN_OFF'],
  ['a sign-off with a cashier’s credentials', 'ben', 'POST', () => `/api/shifts/${closingShift}/sign-off`, () => ({ username: users.cashier, password }), 403, 'FORBIDDEN'],
  ['a sign-off with a wrong password', 'ben', 'POST', () => `/api/shifts/${closingShift}/sign-off`, () => ({ username: users.supervisor, password: 'not-the-password' }), 401, 'INVALID_CREDENTIALS'],
  ['a sign-off from another cashier’s session', 'anna', 'POST', () => `/api/shifts/${closingShift}/sign-off`, () => ({ username: users.supervisor, password }), 403, 'FORBIDDEN'],
  ['a sign-off of a shift still open', 'anna', 'POST', () => `/api/shifts/${annaShift}/sign-off`, () => ({ username: users.supervisor, password }), 409, 'WRONG_STATE'],
  ['closing while a payout of the shift is in flight', 'root', 'POST', () => `/api/shifts/${busyShift}/close`, () => ({ counted: [{ amount: '100.00', currency: 'EUR' }] }), 409, 'SHIFT_BUSY'],
  ['a payout of more than the drawer holds', 'anna', 'POST', () => '/api/cashouts', () => ({ amount: '100.01', currency: 'EUR' }), 409, 'NOT_ENOUGH_CASH'],
  ['a payout in a shift waiting for sign-off', 'ben', 'POST', () => '/api/cashouts', () => ({ amount: '1.00', currency: 'EUR' }), 409, 'SHIFT_CLOSED'],
  ['a payout without a shift', 'sam', 'POST', () => '/api/cashouts', () => ({ amount: '1.00', currency: 'EUR' }), 409, 'NO_OPEN_SHIFT'],
  ['a day that does not exist', 'sam', 'GET', () => '/api/shifts?date=2026-02-30', () => undefined, 400, 'INVALID_INPUT'],
  ['a location id that is none', 'sam', 'GET', () => '/api/shifts?locationId=%3Cscript%3E', () => undefined, 400, 'INVALID_INPUT'],
];

describe('bad input to the shift routes', () => {
  it.each(cases)('%s gets its code and changes nothing', async (_name, who, method, path, body, status, code) => {
    const before = await deskSnapshot();
    const sent = body();
    const response = await call(h, method, path(), { cookie: cookies[who], ...(sent !== undefined && { body: sent }) });
    expect(response.status).toBe(status);
    expect(await errorOf(response)).toMatchObject({ code });
    expect(await deskSnapshot()).toBe(before);
  });

  it('the shift routes want a session', async () => {
    expect((await call(h, 'GET', '/api/shifts/current')).status).toBe(401);
    expect((await call(h, 'POST', '/api/shifts', { body: float('1.00') })).status).toBe(401);
  });
});
