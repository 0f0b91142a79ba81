import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cashout } from '../../shared/api.ts';
import { type ApiSession, createApiSession } from '../reliability/support/api-session.ts';
import { startKasaStack, type KasaStack } from '../reliability/support/kasa-stack.ts';

/**
 * Issue 10: limits ignored the currency. A 299.99 GBP cash-out needed no approval under a
 * 300.00 EUR threshold, any of nine currencies was accepted with EUR's limits, and the daily cap
 * could be dodged by switching currency. Here EUR and GBP are accepted, each with its own limits.
 */

let stack: KasaStack;
let cashier: ApiSession;
let walletId: number;

beforeAll(async () => {
  stack = await startKasaStack({
    cashiers: 1,
    supervisors: 0,
    env: {
      CURRENCIES: 'EUR,GBP',
      MAX_AMOUNT_GBP: '500.00',
      SUPERVISOR_THRESHOLD_GBP: '250.00',
      DAILY_CAP_GBP: '700.00',
      DAILY_CAP_EUR: '5000.00',
    },
  });
  walletId = stack.simulator.state.createWallet({ EUR: 1_000_000, GBP: 1_000_000 });
  const [anna] = stack.accounts.cashiers;
  if (!anna) throw new Error('accounts missing');
  cashier = createApiSession(stack.origin);
  await cashier.signIn(anna.username, anna.password);
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

async function create(amount: string, currency: string) {
  return cashier.request('POST', '/api/cashouts', { amount, currency });
}

describe('per-currency limits over HTTP', () => {
  it('tells the app only the accepted currencies, each with its own limits', async () => {
    const response = await cashier.request('GET', '/api/config');
    expect(response.json).toMatchObject({
      currencies: ['EUR', 'GBP'],
      defaultCurrency: 'EUR',
      limits: [
        { currency: 'EUR', maxAmount: '1000.00', supervisorThreshold: '300.00', dailyCap: '5000.00' },
        { currency: 'GBP', maxAmount: '500.00', supervisorThreshold: '250.00', dailyCap: '700.00' },
      ],
    });
  });

  it('refuses a currency that is not accepted, before anything reaches Paysera', async () => {
    const response = await create('10.00', 'USD');
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { code: 'INVALID_INPUT' } });
  });

  it('holds a 260.00 GBP cash-out for approval under the GBP threshold, and refuses to confirm it without one', async () => {
    const created = await create('260.00', 'GBP');
    expect(created.status).toBe(201);
    const cashout = created.json as Cashout;
    expect(cashout.approvalRequired).toBe(true);
    const reserved = await cashier.request('POST', `/api/cashouts/${cashout.id}/reserve`, { code: stack.simulator.state.issueCode(walletId).code });
    expect(reserved.json).toMatchObject({ status: 'reserved', approvalRequired: true });
    const confirmed = await cashier.request('POST', `/api/cashouts/${cashout.id}/confirm`, { identityChecks: ['document', 'photo'] });
    expect(confirmed.json).toMatchObject({ error: { code: 'APPROVAL_REQUIRED' } });
    await cashier.request('POST', `/api/cashouts/${cashout.id}/cancel`);
  });

  it('refuses one penny over the GBP limit, which is below the EUR one', async () => {
    const over = await create('500.01', 'GBP');
    expect(over.json).toMatchObject({ error: { code: 'LIMIT_EXCEEDED' } });
    expect(JSON.stringify(over.json)).toContain('500.00 GBP');
    expect((await create('500.01', 'EUR')).status).toBe(201);
  });

  // The 260.00 GBP above was cancelled and the 500.01 GBP refused: neither counts.
  it('counts GBP against the GBP daily cap only, and EUR against its own', async () => {
    expect((await create('400.00', 'GBP')).status).toBe(201);
    expect((await create('300.00', 'GBP')).status).toBe(201);
    const third = await create('0.01', 'GBP');
    expect(third.json).toMatchObject({ error: { code: 'LIMIT_EXCEEDED' } });
    expect((await create('900.00', 'EUR')).status).toBe(201);
  });
});
