import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../server/simulator/index.ts';
import type { RunningSimulator } from '../../../server/simulator/index.ts';
import { defaultHolderName } from '../../../server/simulator/state-views.ts';
import { clients, createPayment, createTransactionKey, signedFetch, walletCall } from './signed-fetch.ts';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ clients, controlEnabled: false });
});

afterAll(async () => {
  await sim.close();
});

function newWallet(eurCents: number): number {
  return sim.state.createWallet({ EUR: eurCents });
}

describe('GET /rest/v1/server', () => {
  it('answers the simulator clock in unix seconds without authentication', async () => {
    const before = sim.clock.nowSeconds();
    const response = await fetch(`${sim.baseUrl}server`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { time: number };
    expect(body.time).toBeGreaterThanOrEqual(before);
    expect(body.time).toBeLessThanOrEqual(sim.clock.nowSeconds());
    sim.clock.advance(1000);
    const later = (await (await fetch(`${sim.baseUrl}server`)).json()) as { time: number };
    sim.clock.advance(-1000);
    expect(later.time - body.time).toBeGreaterThanOrEqual(1000);
  });
});

describe('create → reserve → confirm', () => {
  it('holds on reserve, debits on confirm, and answers in Paysera shape', async () => {
    const walletId = newWallet(10_000);
    const { code } = sim.state.issueCode(walletId);

    const before = sim.clock.nowSeconds();
    const created = await walletCall(sim, 'POST', '/rest/v1/transaction', createPayment(5000));
    expect(created.status).toBe(200);
    const key = String(created.body.transaction_key);
    expect(key).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(created.body).toMatchObject({ status: 'new', reserve: { for: 300 } });
    expect(created.body.created_at).toBeGreaterThanOrEqual(before);
    expect(created.body.created_at).toBeLessThanOrEqual(sim.clock.nowSeconds());
    expect(created.body).not.toHaveProperty('wallet');
    expect(created.body.payments).toEqual([
      expect.objectContaining({
        transaction_key: key,
        status: 'new',
        price: 5000,
        price_decimal: '50.00',
        currency: 'EUR',
        description: 'Cash withdrawal',
        parameters: { kasa_operation_id: 'op-1' },
      }),
    ]);

    const reserved = await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code });
    expect(reserved.status).toBe(200);
    expect(reserved.body).toMatchObject({ transaction_key: key, status: 'reserved', type: 'reservation_code', wallet: walletId });
    expect(sim.state.wallet(walletId)).toMatchObject({ balances: { EUR: 10_000 }, held: { EUR: 5000 }, available: { EUR: 5000 } });
    const view = sim.state.transaction(key);
    expect(view?.reserveUntil).toBe((view?.reservedAt ?? Number.NaN) + 300);

    const confirmed = await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', wallet: walletId, confirmed_at: expect.any(Number) });
    expect((confirmed.body.payments as { status: string }[])[0]?.status).toBe('confirmed');
    expect(sim.state.wallet(walletId)).toMatchObject({ balances: { EUR: 5000 }, held: { EUR: 0 }, available: { EUR: 5000 } });
    expect(sim.state.transaction(key)).toMatchObject({ status: 'confirmed', confirmCount: 1, revokeCount: 0, amount: 5000, currency: 'EUR', walletId });

    const read = await walletCall(sim, 'GET', `/rest/v1/transaction/${key}`);
    expect(read.body).toEqual(confirmed.body);
  });

  it('accepts price_decimal and the confirm bodies PHP sends ([] and {})', async () => {
    for (const confirmBody of [[], {}]) {
      const walletId = newWallet(1000);
      const created = await walletCall(sim, 'POST', '/rest/v1/transaction', {
        payments: [{ description: 'Cash withdrawal', price_decimal: '1.50', currency: 'EUR' }],
        reserve: { for: 60 },
      });
      expect(created.body).toMatchObject({ payments: [expect.objectContaining({ price: 150, price_decimal: '1.50' })] });
      const key = String(created.body.transaction_key);
      await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code: sim.state.issueCode(walletId).code });
      const confirmed = await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/confirm`, confirmBody);
      expect(confirmed.status).toBe(200);
      expect(sim.state.wallet(walletId)?.balances.EUR).toBe(850);
    }
  });

  it('revoke of a reserved transaction releases the hold', async () => {
    const walletId = newWallet(3000);
    const key = await createTransactionKey(sim, 2000);
    await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code: sim.state.issueCode(walletId).code });
    expect(sim.state.wallet(walletId)?.held.EUR).toBe(2000);
    const revoked = await walletCall(sim, 'DELETE', `/rest/v1/transaction/${key}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked' });
    expect(sim.state.wallet(walletId)).toMatchObject({ balances: { EUR: 3000 }, held: { EUR: 0 } });
    expect(sim.state.transaction(key)).toMatchObject({ revokeCount: 1, expired: false });
  });
});

describe('reserve refusals carry the exact documented bodies', () => {
  it('unknown code', async () => {
    const key = await createTransactionKey(sim, 100);
    const reply = await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code: '0155567464130298871198969060' });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: 'invalid_request', error_description: 'Invalid reservation code' });
    expect(reply.headers.get('paysera-correlation-id')).toMatch(/\S/);
  });

  it('insufficient funds, leaving the code usable for a smaller amount', async () => {
    const walletId = newWallet(999);
    const { code } = sim.state.issueCode(walletId);
    const key = await createTransactionKey(sim, 1000);
    const reply = await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: 'insufficient_funds', error_description: 'Not enough money in wallet' });
    expect(sim.state.transaction(key)?.status).toBe('new');
    expect(sim.state.code(code)?.used).toBe(false);
    const smaller = await createTransactionKey(sim, 999);
    expect((await walletCall(sim, 'PUT', `/rest/v1/transaction/${smaller}/reserve`, { code })).status).toBe(200);
  });

  it('funds in another currency do not count', async () => {
    const walletId = sim.state.createWallet({ USD: 100_000 });
    const key = await createTransactionKey(sim, 100, 'EUR');
    const reply = await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code: sim.state.issueCode(walletId).code });
    expect(reply.body).toEqual({ error: 'insufficient_funds', error_description: 'Not enough money in wallet' });
  });

  it('held money is not available twice', async () => {
    const walletId = newWallet(1000);
    const first = await createTransactionKey(sim, 600);
    const second = await createTransactionKey(sim, 600);
    expect((await walletCall(sim, 'PUT', `/rest/v1/transaction/${first}/reserve`, { code: sim.state.issueCode(walletId).code })).status).toBe(200);
    const reply = await walletCall(sim, 'PUT', `/rest/v1/transaction/${second}/reserve`, { code: sim.state.issueCode(walletId).code });
    expect(reply.body).toEqual({ error: 'insufficient_funds', error_description: 'Not enough money in wallet' });
  });

  it('expired code, after the clock passes its validity', async () => {
    const walletId = newWallet(1000);
    const before = sim.clock.nowSeconds();
    const { code, expiresAt } = sim.state.issueCode(walletId, 60);
    expect(expiresAt - before).toBeGreaterThanOrEqual(60);
    expect(expiresAt - sim.clock.nowSeconds()).toBeLessThanOrEqual(60);
    const key = await createTransactionKey(sim, 100);
    sim.clock.advance(61);
    try {
      const reply = await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code });
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ error: 'code_expired', error_description: 'Reservation code has expired' });
    } finally {
      sim.clock.advance(-61);
    }
  });

  it('a used code is refused as invalid', async () => {
    const walletId = newWallet(10_000);
    const { code } = sim.state.issueCode(walletId);
    const first = await createTransactionKey(sim, 100);
    const second = await createTransactionKey(sim, 100);
    expect((await walletCall(sim, 'PUT', `/rest/v1/transaction/${first}/reserve`, { code })).status).toBe(200);
    expect(sim.state.code(code)?.used).toBe(true);
    const reply = await walletCall(sim, 'PUT', `/rest/v1/transaction/${second}/reserve`, { code });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: 'invalid_request', error_description: 'Invalid reservation code' });
  });
});

describe('state rules', () => {
  it('confirm from new is invalid_state', async () => {
    const key = await createTransactionKey(sim, 100);
    const reply = await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/confirm`);
    expect(reply.status).toBe(409);
    expect(reply.body.error).toBe('invalid_state');
    expect(sim.state.transaction(key)).toMatchObject({ status: 'new', confirmCount: 1 });
  });

  it('reserving twice is invalid_state, even with a fresh code', async () => {
    const walletId = newWallet(10_000);
    const key = await createTransactionKey(sim, 100);
    expect((await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code: sim.state.issueCode(walletId).code })).status).toBe(200);
    const again = await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code: sim.state.issueCode(walletId).code });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('invalid_state');
    expect(sim.state.wallet(walletId)?.held.EUR).toBe(100);
  });

  it('revoke after confirm and confirm after confirm are invalid_state, and money moves once', async () => {
    const walletId = newWallet(10_000);
    const key = await createTransactionKey(sim, 700);
    await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code: sim.state.issueCode(walletId).code });
    expect((await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/confirm`)).status).toBe(200);
    const revoke = await walletCall(sim, 'DELETE', `/rest/v1/transaction/${key}`);
    expect(revoke.status).toBe(409);
    expect(revoke.body.error).toBe('invalid_state');
    expect((await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/confirm`)).status).toBe(409);
    expect(sim.state.wallet(walletId)).toMatchObject({ balances: { EUR: 9300 }, held: { EUR: 0 } });
    expect(sim.state.transaction(key)).toMatchObject({ status: 'confirmed', confirmCount: 2, revokeCount: 1 });
  });

  it('a new transaction can be revoked, and then not reserved', async () => {
    const walletId = newWallet(10_000);
    const key = await createTransactionKey(sim, 100);
    expect((await walletCall(sim, 'DELETE', `/rest/v1/transaction/${key}`)).body.status).toBe('revoked');
    const reply = await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code: sim.state.issueCode(walletId).code });
    expect(reply.status).toBe(409);
  });
});

describe('reserve-until', () => {
  it('releases the hold and revokes once the clock passes it', async () => {
    const walletId = newWallet(5000);
    const key = await createTransactionKey(sim, 4000, 'EUR', 120);
    await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code: sim.state.issueCode(walletId).code });
    sim.clock.advance(110);
    try {
      expect((await walletCall(sim, 'GET', `/rest/v1/transaction/${key}`)).body.status).toBe('reserved');
      sim.clock.advance(11);
      const read = await walletCall(sim, 'GET', `/rest/v1/transaction/${key}`);
      expect(read.body.status).toBe('revoked');
      expect(sim.state.wallet(walletId)).toMatchObject({ balances: { EUR: 5000 }, held: { EUR: 0 }, available: { EUR: 5000 } });
      expect(sim.state.transaction(key)).toMatchObject({ expired: true, revokeCount: 0 });
      const confirm = await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/confirm`);
      expect(confirm.status).toBe(409);
      expect(sim.state.wallet(walletId)?.balances.EUR).toBe(5000);
    } finally {
      sim.clock.advance(-121);
    }
  });
});

describe('404s', () => {
  it.each([
    ['GET', '/rest/v1/transaction/AAAAAAAAAAAAAAAAAAAA', undefined],
    ['PUT', '/rest/v1/transaction/AAAAAAAAAAAAAAAAAAAA/reserve', { code: '1' }],
    ['PUT', '/rest/v1/transaction/AAAAAAAAAAAAAAAAAAAA/confirm', undefined],
    ['DELETE', '/rest/v1/transaction/AAAAAAAAAAAAAAAAAAAA', undefined],
  ])('%s %s on an unknown key is not_found', async (method, path, body) => {
    const reply = await walletCall(sim, method, path, body);
    expect(reply.status).toBe(404);
    expect(reply.body.error).toBe('not_found');
    expect(reply.headers.get('paysera-correlation-id')).toMatch(/\S/);
  });

  it('unknown routes are not_found', async () => {
    for (const path of ['/rest/v1/nothing', '/elsewhere', '/__control/faults']) {
      const response = await fetch(`${sim.origin}${path}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'not_found' });
    }
  });
});

describe('input validation', () => {
  it.each([
    [{ payments: [] }, 'payments'],
    [{ payments: [{ description: 'x', price: 1.5, currency: 'EUR' }] }, 'payments[0].price'],
    [{ payments: [{ description: 'x', price: 100, price_decimal: '1.00', currency: 'EUR' }] }, 'payments[0].price'],
    [{ payments: [{ description: 'x', currency: 'EUR' }] }, 'payments[0].price'],
    [{ payments: [{ description: 'x', price_decimal: '1.001', currency: 'EUR' }] }, 'payments[0].price_decimal'],
    [{ payments: [{ description: 'x', price: 100, currency: 'eur' }] }, 'payments[0].currency'],
    [{ payments: [{ price: 100, currency: 'EUR' }] }, 'payments[0].description'],
    [{ payments: [{ description: 'x', price: 100, currency: 'EUR' }], reserve: { for: -1 } }, 'reserve.for'],
  ])('create refuses %j with invalid_parameters on %s', async (body, field) => {
    const reply = await walletCall(sim, 'POST', '/rest/v1/transaction', body);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('invalid_parameters');
    expect(reply.body.error_properties).toHaveProperty([field]);
  });

  it('create refuses a body that is not JSON', async () => {
    const response = await signedFetch(sim, { method: 'POST', path: '/rest/v1/transaction', body: '{"payments":' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('sums several payments of one currency, refuses mixed currencies', async () => {
    const created = await walletCall(sim, 'POST', '/rest/v1/transaction', {
      payments: [
        { description: 'a', price: 100, currency: 'EUR' },
        { description: 'b', price: 250, currency: 'EUR' },
      ],
    });
    expect(created.status).toBe(200);
    expect(created.body.reserve).toEqual({ for: 2_592_000 });
    expect(sim.state.transaction(String(created.body.transaction_key))).toMatchObject({ amount: 350, currency: 'EUR' });
    const mixed = await walletCall(sim, 'POST', '/rest/v1/transaction', {
      payments: [
        { description: 'a', price: 100, currency: 'EUR' },
        { description: 'b', price: 250, currency: 'USD' },
      ],
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error).toBe('invalid_parameters');
  });

  it('reserve without a code and confirm with price changes are invalid_parameters', async () => {
    const key = await createTransactionKey(sim, 100);
    expect((await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { reservation_code: '1' })).body.error).toBe('invalid_parameters');
    expect((await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/confirm`, { 1: { price: 1 } })).body.error).toBe('invalid_parameters');
  });
});

describe('GET /rest/v1/transactions', () => {
  it('filters by status and wallet, pages with limit and offset', async () => {
    const walletId = newWallet(100_000);
    const keys: string[] = [];
    for (let i = 0; i < 3; i++) keys.push(await createTransactionKey(sim, 100 + i));
    for (const key of keys.slice(0, 2)) await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code: sim.state.issueCode(walletId).code });

    const byWallet = await walletCall(sim, 'GET', `/rest/v1/transactions?status=reserved,confirmed&wallet=${walletId}`);
    expect(byWallet.status).toBe(200);
    expect((byWallet.body.transactions as { transaction_key: string }[]).map((t) => t.transaction_key)).toEqual(keys.slice(0, 2));

    const all = await walletCall(sim, 'GET', '/rest/v1/transactions?limit=200');
    const allKeys = (all.body.transactions as { transaction_key: string }[]).map((t) => t.transaction_key);
    expect(allKeys).toEqual(expect.arrayContaining(keys));
    const page = await walletCall(sim, 'GET', `/rest/v1/transactions?limit=1&offset=${allKeys.indexOf(keys[2] ?? '')}`);
    expect((page.body.transactions as { transaction_key: string }[]).map((t) => t.transaction_key)).toEqual([keys[2]]);

    const future = await walletCall(sim, 'GET', `/rest/v1/transactions?from=${sim.clock.nowSeconds() + 10}`);
    expect(future.body.transactions).toEqual([]);
  });

  it.each(['limit=0', 'limit=201', 'status=bogus', 'offset=-1', 'from=abc'])('refuses %s', async (query) => {
    const reply = await walletCall(sim, 'GET', `/rest/v1/transactions?${query}`);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('invalid_parameters');
  });
});

describe('GET /rest/v1/wallet/{id}', () => {
  it("answers Paysera's wallet shape with the holder's name", async () => {
    const walletId = sim.state.createWallet({ EUR: 100 }, { holderName: 'Rūta Žemaitė' });
    const reply = await walletCall(sim, 'GET', `/rest/v1/wallet/${walletId}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: walletId, owner: expect.any(Number), account: { owner_display_name: 'Rūta Žemaitė', number: expect.stringMatching(/^EVP\d{13}$/) } });
  });

  it('gives a wallet created without a name the default one', async () => {
    const reply = await walletCall(sim, 'GET', `/rest/v1/wallet/${newWallet(100)}`);
    expect(reply.body).toMatchObject({ account: { owner_display_name: defaultHolderName } });
  });

  it('is not_found for an unknown wallet and refuses without a valid MAC', async () => {
    const unknown = await walletCall(sim, 'GET', '/rest/v1/wallet/999999999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('not_found');
    const unsigned = await fetch(`${sim.baseUrl}wallet/${newWallet(100)}`);
    expect(unsigned.status).toBe(401);
  });

  it('a refuse fault answers 403 forbidden once, then the name again', async () => {
    const walletId = newWallet(100);
    sim.state.addFault({ endpoint: 'wallet', kind: 'refuse' });
    const refused = await walletCall(sim, 'GET', `/rest/v1/wallet/${walletId}`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'forbidden' });
    expect(JSON.stringify(refused.body)).not.toContain(defaultHolderName);
    const again = await walletCall(sim, 'GET', `/rest/v1/wallet/${walletId}`);
    expect(again.status).toBe(200);
  });
});
