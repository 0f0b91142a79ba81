import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, startHarness, users, type Harness } from '../harness.ts';

/** A create that names no currency gets the shop's own, not a hard-wired EUR it may not accept. */

let h: Harness;
let cashier: string;

beforeAll(async () => {
  h = await startHarness({ env: { CURRENCIES: 'GBP' } });
  cashier = await signIn(h, users.cashier);
});

afterAll(async () => {
  await h?.close();
});

describe('POST /api/cashouts without a currency', () => {
  it('uses the first accepted currency', async () => {
    const response = await call(h, 'POST', '/api/cashouts', { cookie: cashier, body: { amount: '20.00' } });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ amount: '20.00', currency: 'GBP' });
  });

  it('still refuses a currency that is not accepted', async () => {
    const response = await call(h, 'POST', '/api/cashouts', { cookie: cashier, body: { amount: '20.00', currency: 'EUR' } });
    expect(response.status).toBe(400);
  });
});
