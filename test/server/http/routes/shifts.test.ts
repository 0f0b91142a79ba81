import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeShiftResponse, currentShiftResponse, shiftResponse, shiftsResponse, zReport } from '../../../../shared/desk-api.ts';
import { addLocation } from '../../desk/desk-support.ts';
import { call, errorOf, password, payOut, signIn, startHarness, users, type Harness } from '../harness.ts';
import { testDay } from '../test-clock.ts';

/** A whole shift over HTTP: open, payouts, pay-in and drop, a refused payout, close with a difference, sign-off, Z-report. */

let h: Harness;
let anna = '';
let ben = '';
let sam = '';
let locationId = '';

beforeAll(async () => {
  h = await startHarness({ env: { REQUIRE_SHIFT: 'true', TILL_TOLERANCE: '1.00' } });
  [anna, ben, sam] = [await signIn(h, users.cashier), await signIn(h, users.otherCashier), await signIn(h, users.supervisor)];
  locationId = (await addLocation(h.store, { name: 'Market hall', payseraLocationId: 'MH-1' })).id;
});
afterAll(async () => {
  await h?.close();
});

describe('a shift over HTTP', () => {
  let shiftId = '';

  it('refuses a payout before the shift is open', async () => {
    const response = await call(h, 'POST', '/api/cashouts', { cookie: anna, body: { amount: '5.00', currency: 'EUR' } });
    expect(response.status).toBe(409);
    expect(await errorOf(response)).toMatchObject({ code: 'NO_OPEN_SHIFT' });
    expect(currentShiftResponse.parse(await (await call(h, 'GET', '/api/shifts/current', { cookie: anna })).json())).toEqual({ shift: null });
  });

  it('opens with the counted float', async () => {
    const response = await call(h, 'POST', '/api/shifts', { cookie: anna, body: { locationId, float: [{ amount: '200.00', currency: 'EUR' }] } });
    expect(response.status).toBe(201);
    const { shift } = shiftResponse.parse(await response.json());
    shiftId = shift.id;
    expect(shift).toMatchObject({
      locationId,
      locationName: 'Market hall',
      cashier: users.cashier,
      status: 'open',
      closedAt: null,
      float: [{ amount: '200.00', currency: 'EUR' }],
      expected: [{ amount: '200.00', currency: 'EUR' }],
      available: [{ amount: '200.00', currency: 'EUR' }],
      counted: null,
      difference: null,
      needsSignOff: false,
      signedOffBy: null,
    });
  });

  it('pays out from the drawer, takes a pay-in and a drop, and refuses what the drawer cannot cover', async () => {
    const paid = await payOut(h, anna, '50.00');
    expect(await h.store.getCashout(paid.id)).toMatchObject({ shiftId, payseraLocationId: 'MH-1' });
    const payIn = await call(h, 'POST', `/api/shifts/${shiftId}/movements`, { cookie: anna, body: { kind: 'pay_in', amount: '10.00', currency: 'EUR', reason: 'Change from the bank' } });
    expect(payIn.status).toBe(201);
    const drop = await call(h, 'POST', `/api/shifts/${shiftId}/movements`, { cookie: anna, body: { kind: 'drop', amount: '20.00', currency: 'EUR', reason: 'To the safe' } });
    expect(shiftResponse.parse(await drop.json()).shift.expected).toEqual([{ amount: '140.00', currency: 'EUR' }]);

    const refused = await call(h, 'POST', '/api/cashouts', { cookie: anna, body: { amount: '140.01', currency: 'EUR' } });
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toMatchObject({ code: 'NOT_ENOUGH_CASH', message: 'The drawer holds 140.00 EUR for payouts.' });
    const current = currentShiftResponse.parse(await (await call(h, 'GET', '/api/shifts/current', { cookie: anna })).json());
    expect(current.shift?.available).toEqual([{ amount: '140.00', currency: 'EUR' }]);
  });

  it('closes with a difference beyond the tolerance and waits for a sign-off', async () => {
    const response = await call(h, 'POST', `/api/shifts/${shiftId}/close`, { cookie: anna, body: { counted: [{ amount: '137.50', currency: 'EUR' }] } });
    expect(response.status).toBe(200);
    const body = closeShiftResponse.parse(await response.json());
    expect(body).toMatchObject({
      expected: [{ amount: '140.00', currency: 'EUR' }],
      counted: [{ amount: '137.50', currency: 'EUR' }],
      difference: [{ amount: '-2.50', currency: 'EUR' }],
      needsSignOff: true,
    });
    expect(body.shift.status).toBe('closing');
    const payout = await call(h, 'POST', '/api/cashouts', { cookie: anna, body: { amount: '1.00', currency: 'EUR' } });
    expect(await errorOf(payout)).toMatchObject({ code: 'SHIFT_CLOSED' });
  });

  it('is signed off by a supervisor’s credentials on the cashier’s device', async () => {
    const response = await call(h, 'POST', `/api/shifts/${shiftId}/sign-off`, { cookie: anna, body: { username: users.supervisor, password } });
    expect(response.status).toBe(200);
    const { shift } = shiftResponse.parse(await response.json());
    expect(shift).toMatchObject({ status: 'closed', signedOffBy: users.supervisor, needsSignOff: false });
    expect(currentShiftResponse.parse(await (await call(h, 'GET', '/api/shifts/current', { cookie: anna })).json())).toEqual({ shift: null });
  });

  it('has a Z-report with every cash-out, movement and the count, as JSON and CSV', async () => {
    const report = zReport.parse(await (await call(h, 'GET', `/api/shifts/${shiftId}/report`, { cookie: anna })).json());
    expect(report.cashouts).toEqual([expect.objectContaining({ amount: '50.00', currency: 'EUR', status: 'confirmed' })]);
    expect(report.cashouts[0]?.transactionKey).toMatch(/\w+/);
    expect(report.movements.map((movement) => [movement.kind, movement.amount, movement.reason])).toEqual([
      ['pay_in', '10.00', 'Change from the bank'],
      ['drop', '20.00', 'To the safe'],
    ]);
    expect(report.shift).toMatchObject({ difference: [{ amount: '-2.50', currency: 'EUR' }], signedOffBy: users.supervisor });

    const csv = await call(h, 'GET', `/api/shifts/${shiftId}/report.csv`, { cookie: sam });
    expect(csv.headers.get('Content-Type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('Content-Disposition')).toBe(`attachment; filename="kasa-z-report-${testDay}-${users.cashier}.csv"`);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('line,at,amount,currency,transactionKey,status,by,note');
    const rows = lines.slice(1).map((line) => line.split(','));
    const kinds = rows.map((row) => row[0]);
    expect(kinds).toEqual(['shift', 'float', 'cashout', 'pay_in', 'drop', 'expected', 'counted', 'difference', 'sign_off']);
    expect(rows.find((row) => row[0] === 'cashout')).toEqual(expect.arrayContaining(['50.00', 'EUR', report.cashouts[0]?.transactionKey, 'confirmed']));
    expect(rows.find((row) => row[0] === 'difference')?.slice(2, 4)).toEqual(['-2.50', 'EUR']);
    expect(rows.find((row) => row[0] === 'sign_off')?.[6]).toBe(users.supervisor);
  });

  it('lists a cashier’s own shifts of the day, and every shift for a supervisor, by location', async () => {
    const other = await addLocation(h.store, { name: 'Bag 7' });
    await call(h, 'POST', '/api/shifts', { cookie: ben, body: { locationId: other.id, float: [] } });
    const own = shiftsResponse.parse(await (await call(h, 'GET', `/api/shifts?date=${testDay}`, { cookie: anna })).json());
    expect(own.shifts.map((shift) => shift.id)).toEqual([shiftId]);
    const all = shiftsResponse.parse(await (await call(h, 'GET', `/api/shifts?date=${testDay}`, { cookie: sam })).json());
    expect(all.shifts.map((shift) => shift.cashier).sort()).toEqual([users.cashier, users.otherCashier]);
    const byLocation = shiftsResponse.parse(await (await call(h, 'GET', `/api/shifts?date=${testDay}&locationId=${other.id}`, { cookie: sam })).json());
    expect(byLocation.shifts.map((shift) => shift.cashier)).toEqual([users.otherCashier]);
    const today = shiftsResponse.parse(await (await call(h, 'GET', '/api/shifts', { cookie: sam })).json());
    expect(today).toMatchObject({ date: testDay });
    expect(shiftsResponse.parse(await (await call(h, 'GET', '/api/shifts?date=2001-01-01', { cookie: sam })).json()).shifts).toEqual([]);

    const forbidden = await call(h, 'GET', `/api/shifts/${shiftId}/report`, { cookie: ben });
    expect(forbidden.status).toBe(403);
    expect((await call(h, 'GET', `/api/shifts/${shiftId}/report.csv`, { cookie: ben })).status).toBe(403);
    expect((await call(h, 'GET', '/api/shifts/no-such-shift/report', { cookie: sam })).status).toBe(404);
  });
});
