import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../server/simulator/index.ts';
import { defaultHolderName } from '../../../server/simulator/state-views.ts';
import type { RunningSimulator } from '../../../server/simulator/index.ts';
import { clients, createTransactionKey, signedFetch, walletCall } from './signed-fetch.ts';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ clients, controlEnabled: true, codeTtlSeconds: 120 });
});

afterAll(async () => {
  await sim.close();
});

async function control(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${sim.origin}/__control${path}`, {
    method,
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

describe('wallets and codes', () => {
  it('creates a wallet and reads it back', async () => {
    const created = await control('POST', '/wallets', { balances: { EUR: 50_000, USD: 10 } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ walletId: expect.any(Number), holderName: defaultHolderName, balances: { EUR: 50_000, USD: 10 } });
    const read = await control('GET', `/wallets/${created.body.walletId}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ walletId: created.body.walletId, holderName: defaultHolderName, balances: { EUR: 50_000, USD: 10 }, held: { EUR: 0, USD: 0 } });
  });

  it("creates a wallet with its holder's name, and refuses an empty one", async () => {
    const created = await control('POST', '/wallets', { balances: { EUR: 1 }, holderName: 'Laima Control' });
    expect(created.body).toMatchObject({ holderName: 'Laima Control' });
    expect((await control('POST', '/wallets', { balances: { EUR: 1 }, holderName: ' ' })).status).toBe(400);
  });

  it('issues unique 28-digit codes with the configured default validity', async () => {
    const { body } = await control('POST', '/wallets', { balances: { EUR: 100 } });
    const before = sim.clock.nowSeconds();
    const issued = await control('POST', `/wallets/${body.walletId}/codes`);
    const custom = await control('POST', `/wallets/${body.walletId}/codes`, { ttlSeconds: 5 });
    const after = sim.clock.nowSeconds();
    expect(issued.status).toBe(201);
    expect(issued.body.code).toMatch(/^\d{28}$/);
    for (const [reply, ttl] of [[issued, 120], [custom, 5]] as const) {
      expect(reply.body.expiresAt).toBeGreaterThanOrEqual(before + ttl);
      expect(reply.body.expiresAt).toBeLessThanOrEqual(after + ttl);
    }
    expect(custom.body.code).not.toBe(issued.body.code);
  });

  it.each([
    ['POST', '/wallets', { balances: { EUR: -1 } }],
    ['POST', '/wallets', { balances: { EUR: 1.5 } }],
    ['POST', '/wallets', { balances: { euro: 1 } }],
    ['POST', '/wallets', { balance: { EUR: 1 } }],
    ['POST', '/wallets', '{not json'],
  ])('refuses %s %s %j with 400', async (method, path, body) => {
    const reply = await control(method, path, body);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: 'invalid_input', error_description: expect.stringMatching(/\S/) });
  });

  it('refuses a bad ttl and unknown wallets', async () => {
    const { body } = await control('POST', '/wallets', { balances: {} });
    expect((await control('POST', `/wallets/${body.walletId}/codes`, { ttlSeconds: 0 })).status).toBe(400);
    expect((await control('GET', '/wallets/999999999')).status).toBe(404);
    expect((await control('GET', '/wallets/abc')).status).toBe(404);
    expect((await control('POST', '/wallets/999999999/codes')).status).toBe(404);
  });
});

describe('faults, clock and transactions over HTTP', () => {
  it('adds, lists and clears faults', async () => {
    const added = await control('POST', '/faults', { endpoint: 'get', kind: 'error', status: 502, count: 3 });
    expect(added.status).toBe(201);
    const key = await createTransactionKey(sim, 100);
    expect((await walletCall(sim, 'GET', `/rest/v1/transaction/${key}`)).status).toBe(502);
    const listed = await control('GET', '/faults');
    expect(listed.body.faults).toEqual([
      { id: added.body.id, endpoint: 'get', kind: 'error', status: 502, ms: 0, count: 3, remaining: 2, fired: 1 },
    ]);
    expect((await control('DELETE', '/faults')).status).toBe(204);
    expect((await control('GET', '/faults')).body.faults).toEqual([]);
    expect((await walletCall(sim, 'GET', `/rest/v1/transaction/${key}`)).status).toBe(200);
  });

  it.each([
    { endpoint: 'nowhere', kind: 'error' },
    { endpoint: 'get', kind: 'explode' },
    { endpoint: 'get', kind: 'error', status: 404 },
    { endpoint: 'get', kind: 'error', count: 0 },
    { endpoint: 'get', kind: 'latency', ms: -5 },
    { endpoint: 'get', kind: 'error', extra: true },
  ])('refuses the fault %j', async (spec) => {
    const reply = await control('POST', '/faults', spec);
    expect(reply.status).toBe(400);
    expect(String(reply.body.error_description)).toMatch(/\S/);
  });

  it('advances the clock', async () => {
    const before = sim.clock.nowSeconds();
    const reply = await control('POST', '/clock', { advanceSeconds: 30 });
    expect(reply.status).toBe(200);
    expect(reply.body.now).toBeGreaterThanOrEqual(before + 30);
    expect(sim.clock.nowSeconds()).toBeGreaterThanOrEqual(before + 30);
    expect((await control('POST', '/clock', { advanceSeconds: 'soon' })).status).toBe(400);
    expect((await control('POST', '/clock', {})).status).toBe(400);
  });

  it('shows internal transaction views, and expiry through the clock', async () => {
    const wallet = await control('POST', '/wallets', { balances: { EUR: 1000 } });
    const code = await control('POST', `/wallets/${wallet.body.walletId}/codes`);
    const key = await createTransactionKey(sim, 400, 'EUR', 60);
    await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code: code.body.code });
    const view = await control('GET', `/transactions/${key}`);
    expect(view.body).toMatchObject({
      key,
      status: 'reserved',
      amount: 400,
      currency: 'EUR',
      walletId: wallet.body.walletId,
      confirmCount: 0,
      revokeCount: 0,
      reserveUntil: expect.any(Number),
    });
    expect(JSON.stringify(view.body)).not.toContain(String(code.body.code));
    await control('POST', '/clock', { advanceSeconds: 61 });
    expect((await control('GET', `/transactions/${key}`)).body).toMatchObject({ status: 'revoked', expired: true });
    expect((await control('GET', `/wallets/${wallet.body.walletId}`)).body).toMatchObject({ held: { EUR: 0 }, balances: { EUR: 1000 } });
    const all = await control('GET', '/transactions');
    expect((all.body.transactions as { key: string }[]).map((t) => t.key)).toContain(key);
    expect((await control('GET', '/transactions/nope')).status).toBe(404);
  });

  it('drop faults set over HTTP act on the wallet API', async () => {
    await control('POST', '/faults', { endpoint: 'create', kind: 'drop_after' });
    const before = (await control('GET', '/transactions')).body.transactions as unknown[];
    await expect(
      signedFetch(sim, { method: 'POST', path: '/rest/v1/transaction', body: JSON.stringify({ payments: [{ description: 'x', price: 1, currency: 'EUR' }] }) }),
    ).rejects.toThrow();
    const after = (await control('GET', '/transactions')).body.transactions as unknown[];
    expect(after.length).toBe(before.length + 1);
    await control('DELETE', '/faults');
  });
});

describe('when control is disabled', () => {
  it('mounts neither /__control nor /customer', async () => {
    const closed = await startSimulator({ clients, controlEnabled: false, demoWalletId: 14471 });
    try {
      for (const [method, path] of [
        ['POST', '/__control/wallets'],
        ['GET', '/__control/faults'],
        ['POST', '/__control/clock'],
        ['GET', '/__control/transactions'],
        ['GET', '/customer'],
      ] as const) {
        const response = await fetch(`${closed.origin}${path}`, { method, body: method === 'POST' ? '{}' : null });
        expect(response.status).toBe(404);
        expect(await response.json()).toMatchObject({ error: 'not_found' });
      }
      expect(closed.state.wallet(14471)).toBeUndefined();
    } finally {
      await closed.close();
    }
  });
});
