import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDay } from '../test-clock.ts';
import { call, errorOf, payOut, signIn, startHarness, users, type Harness } from '../harness.ts';

let h: Harness;
let supervisor = '';

beforeAll(async () => {
  h = await startHarness();
  const anna = await signIn(h, users.cashier);
  const ben = await signIn(h, users.otherCashier);
  supervisor = await signIn(h, users.supervisor);
  await payOut(h, anna, '50.00');
  await payOut(h, anna, '0.05');
  await payOut(h, ben, '300.00', users.supervisor);
  // Created but never paid out: must not count.
  await call(h, 'POST', '/api/cashouts', { cookie: ben, body: { amount: '99.00', currency: 'EUR' } });
});
afterAll(async () => {
  await h?.close();
});

describe('GET /api/reports/daily', () => {
  it('totals confirmed cash-outs per cashier and currency', async () => {
    const today = testDay;
    const response = await call(h, 'GET', `/api/reports/daily?date=${today}`, { cookie: supervisor });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      date: today,
      rows: [
        { cashier: users.cashier, currency: 'EUR', count: 2, amount: '50.05' },
        { cashier: users.otherCashier, currency: 'EUR', count: 1, amount: '300.00' },
      ],
      totals: [{ currency: 'EUR', count: 3, amount: '350.05' }],
    });
  });

  it('is empty on a day without cash-outs and refuses a bad date', async () => {
    expect(await (await call(h, 'GET', '/api/reports/daily?date=2001-01-01', { cookie: supervisor })).json()).toEqual({
      date: '2001-01-01',
      rows: [],
      totals: [],
    });
    const bad = await call(h, 'GET', '/api/reports/daily?date=yesterday', { cookie: supervisor });
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
