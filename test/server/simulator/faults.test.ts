import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSimulator } from '../../../server/simulator/index.ts';
import type { RunningSimulator } from '../../../server/simulator/index.ts';
import { clients, createTransactionKey, signedFetch, walletCall } from './signed-fetch.ts';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ clients, controlEnabled: false });
});

afterEach(() => {
  sim.state.clearFaults();
});

afterAll(async () => {
  await sim.close();
});

async function reservable(cents = 1000): Promise<{ walletId: number; code: string; key: string }> {
  const walletId = sim.state.createWallet({ EUR: 10_000 });
  return { walletId, code: sim.state.issueCode(walletId).code, key: await createTransactionKey(sim, cents) };
}

function reserve(key: string, code: string, signal?: AbortSignal): Promise<Response> {
  return signedFetch(sim, {
    method: 'PUT',
    path: `/rest/v1/transaction/${key}/reserve`,
    body: JSON.stringify({ code }),
    ...(signal !== undefined && { signal }),
  });
}

describe('drop_before', () => {
  it('kills the connection and changes nothing', async () => {
    const { walletId, code, key } = await reservable();
    const id = sim.state.addFault({ endpoint: 'reserve', kind: 'drop_before' });
    await expect(reserve(key, code)).rejects.toThrow();
    expect(sim.state.transaction(key)?.status).toBe('new');
    expect(sim.state.code(code)?.used).toBe(false);
    expect(sim.state.wallet(walletId)?.held.EUR ?? 0).toBe(0);
    expect(sim.state.faults()).toEqual([expect.objectContaining({ id, fired: 1, remaining: 0, count: 1 })]);
    expect((await reserve(key, code)).status).toBe(200);
  });
});

describe('drop_after', () => {
  it('applies a reserve fully, then kills the connection', async () => {
    const { walletId, code, key } = await reservable(700);
    sim.state.addFault({ endpoint: 'reserve', kind: 'drop_after' });
    await expect(reserve(key, code)).rejects.toThrow();
    expect(sim.state.transaction(key)).toMatchObject({ status: 'reserved', walletId });
    expect(sim.state.code(code)?.used).toBe(true);
    expect(sim.state.wallet(walletId)?.held.EUR).toBe(700);
  });

  it('applies a confirm fully, then kills the connection', async () => {
    const { walletId, code, key } = await reservable(700);
    expect((await reserve(key, code)).status).toBe(200);
    sim.state.addFault({ endpoint: 'confirm', kind: 'drop_after' });
    await expect(signedFetch(sim, { method: 'PUT', path: `/rest/v1/transaction/${key}/confirm` })).rejects.toThrow();
    expect(sim.state.transaction(key)).toMatchObject({ status: 'confirmed', confirmCount: 1 });
    expect(sim.state.wallet(walletId)).toMatchObject({ balances: { EUR: 9300 }, held: { EUR: 0 } });
  });
});

describe('error', () => {
  it.each([500, 502, 503] as const)('answers %i without applying anything', async (status) => {
    const { walletId, code, key } = await reservable();
    expect((await reserve(key, code)).status).toBe(200);
    sim.state.addFault({ endpoint: 'confirm', kind: 'error', status });
    const failed = await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/confirm`);
    expect(failed.status).toBe(status);
    expect(failed.body).toEqual({ error: 'internal_server_error' });
    expect(sim.state.transaction(key)).toMatchObject({ status: 'reserved', confirmCount: 0 });
    expect(sim.state.wallet(walletId)?.balances.EUR).toBe(10_000);
    expect((await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/confirm`)).status).toBe(200);
  });

  it('defaults to 500', async () => {
    sim.state.addFault({ endpoint: 'server', kind: 'error' });
    expect((await fetch(`${sim.baseUrl}server`)).status).toBe(500);
  });
});

describe('latency and hang', () => {
  it('latency delays, then handles normally', async () => {
    sim.state.addFault({ endpoint: 'create', kind: 'latency', ms: 20 });
    const created = await walletCall(sim, 'POST', '/rest/v1/transaction', { payments: [{ description: 'x', price: 1, currency: 'EUR' }] });
    expect(created.status).toBe(200);
    expect(sim.state.faults()[0]).toMatchObject({ kind: 'latency', ms: 20, fired: 1 });
  });

  it('latency longer than the client waits: the client gives up, the change lands anyway', async () => {
    const { code, key } = await reservable();
    sim.state.addFault({ endpoint: 'reserve', kind: 'latency', ms: 400 });
    await expect(reserve(key, code, AbortSignal.timeout(50))).rejects.toThrow();
    await vi.waitFor(() => expect(sim.state.transaction(key)?.status).toBe('reserved'), { timeout: 5000, interval: 20 });
  });

  it('hang: the client times out, the reserve is applied later', async () => {
    const { walletId, code, key } = await reservable(300);
    sim.state.addFault({ endpoint: 'reserve', kind: 'hang', ms: 400 });
    await expect(reserve(key, code, AbortSignal.timeout(50))).rejects.toThrow();
    await vi.waitFor(() => expect(sim.state.transaction(key)?.status).toBe('reserved'), { timeout: 5000, interval: 20 });
    expect(sim.state.wallet(walletId)?.held.EUR).toBe(300);
  });

  it('hang defaults to 30 seconds', () => {
    sim.state.addFault({ endpoint: 'get', kind: 'hang' });
    expect(sim.state.faults()[0]).toMatchObject({ kind: 'hang', ms: 30_000 });
  });
});

describe('matching', () => {
  it('count limits how many calls a fault affects', async () => {
    sim.state.addFault({ endpoint: 'list', kind: 'error', status: 503, count: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await signedFetch(sim, { method: 'GET', path: '/rest/v1/transactions' })).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(sim.state.faults()[0]).toMatchObject({ fired: 2, remaining: 0 });
  });

  it('only the named endpoint is affected; any matches all', async () => {
    sim.state.addFault({ endpoint: 'confirm', kind: 'error' });
    expect((await fetch(`${sim.baseUrl}server`)).status).toBe(200);
    expect(sim.state.faults()[0]?.fired).toBe(0);
    sim.state.clearFaults();
    sim.state.addFault({ endpoint: 'any', kind: 'error', count: 2 });
    expect((await fetch(`${sim.baseUrl}server`)).status).toBe(500);
    expect((await signedFetch(sim, { method: 'GET', path: '/rest/v1/transactions' })).status).toBe(500);
  });

  it('requests refused by authentication do not consume a fault', async () => {
    sim.state.addFault({ endpoint: 'list', kind: 'error' });
    expect((await signedFetch(sim, { method: 'GET', path: '/rest/v1/transactions', macKey: 'wrong' })).status).toBe(401);
    expect(sim.state.faults()[0]).toMatchObject({ fired: 0, remaining: 1 });
  });

  it('the fault added first fires first', async () => {
    const first = sim.state.addFault({ endpoint: 'server', kind: 'error', status: 502 });
    sim.state.addFault({ endpoint: 'any', kind: 'error', status: 503 });
    expect((await fetch(`${sim.baseUrl}server`)).status).toBe(502);
    expect((await fetch(`${sim.baseUrl}server`)).status).toBe(503);
    expect(sim.state.faults().find((f) => f.id === first)?.fired).toBe(1);
  });
});
