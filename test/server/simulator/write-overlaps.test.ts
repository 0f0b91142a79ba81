import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../server/simulator/index.ts';
import type { RunningSimulator, WriteOverlap } from '../../../server/simulator/index.ts';
import { clients, walletCall } from './signed-fetch.ts';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ clients, controlEnabled: true });
});

afterAll(async () => {
  await sim.close();
});

beforeEach(async () => {
  await fetch(`${sim.origin}/__control/overlaps`, { method: 'DELETE' });
  await fetch(`${sim.origin}/__control/faults`, { method: 'DELETE' });
});

interface OverlapReport {
  writesSeen: number;
  overlaps: WriteOverlap[];
}

async function report(): Promise<OverlapReport> {
  const response = await fetch(`${sim.origin}/__control/overlaps`);
  expect(response.status).toBe(200);
  return (await response.json()) as OverlapReport;
}

function payment(operationId: string | null): unknown {
  return {
    payments: [{ description: 'Cash withdrawal', price: 1000, currency: 'EUR', ...(operationId !== null && { parameters: { kasa_operation_id: operationId } }) }],
    reserve: { for: 300 },
  };
}

async function created(operationId: string | null): Promise<string> {
  const reply = await walletCall(sim, 'POST', '/rest/v1/transaction', payment(operationId));
  expect(reply.status).toBe(200);
  return String(reply.body.transaction_key);
}

function slowDown(endpoint: 'create' | 'reserve' | 'confirm' | 'revoke', ms: number): void {
  sim.state.addFault({ endpoint, kind: 'latency', ms, count: 1 });
}

describe('the write overlap recorder', () => {
  it('sees nothing when the writes for a transaction come one after another', async () => {
    const walletId = sim.state.createWallet({ EUR: 10_000 });
    const key = await created('cashout-sequential');
    const { code } = sim.state.issueCode(walletId);
    expect((await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code })).status).toBe(200);
    expect((await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/confirm`)).status).toBe(200);
    expect((await walletCall(sim, 'GET', `/rest/v1/transaction/${key}`)).status).toBe(200);
    expect(await report()).toEqual({ writesSeen: 3, overlaps: [] });
  });

  it('records a confirm and a revoke of one transaction in flight together', async () => {
    const walletId = sim.state.createWallet({ EUR: 10_000 });
    const key = await created('cashout-raced');
    const { code } = sim.state.issueCode(walletId);
    expect((await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code })).status).toBe(200);
    slowDown('confirm', 300);
    const confirming = walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/confirm`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const revoked = await walletCall(sim, 'DELETE', `/rest/v1/transaction/${key}`);
    await confirming;
    expect(revoked.status).toBe(200);
    const { writesSeen, overlaps } = await report();
    expect(writesSeen).toBe(4);
    expect(overlaps).toEqual([{ subject: 'operation:cashout-raced', arrived: 'revoke', inFlight: ['confirm'], sendersGone: false, at: expect.any(Number) }]);
  });

  it('counts a create still waiting for its key and a write on that key as one transaction', async () => {
    slowDown('create', 300);
    const creating = walletCall(sim, 'POST', '/rest/v1/transaction', payment('cashout-twice'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const key = await created('cashout-twice');
    expect((await walletCall(sim, 'DELETE', `/rest/v1/transaction/${key}`)).status).toBe(200);
    expect((await creating).status).toBe(200);
    const { overlaps } = await report();
    expect(overlaps.map(({ subject, arrived, inFlight }) => ({ subject, arrived, inFlight }))).toEqual([
      { subject: 'operation:cashout-twice', arrived: 'create', inFlight: ['create'] },
      { subject: 'operation:cashout-twice', arrived: 'revoke', inFlight: ['create'] },
    ]);
  });

  it('keeps writes on different transactions apart, and knows an untagged transaction by its key', async () => {
    const first = await created(null);
    const second = await created(null);
    slowDown('revoke', 200);
    await Promise.all([walletCall(sim, 'DELETE', `/rest/v1/transaction/${first}`), walletCall(sim, 'DELETE', `/rest/v1/transaction/${second}`)]);
    // Two revokes; untagged creates make new transactions and are not counted.
    expect(await report()).toEqual({ writesSeen: 2, overlaps: [] });

    slowDown('revoke', 200);
    const third = await created(null);
    await Promise.all([walletCall(sim, 'DELETE', `/rest/v1/transaction/${third}`), walletCall(sim, 'DELETE', `/rest/v1/transaction/${third}`)]);
    const { overlaps } = await report();
    expect(overlaps.map((overlap) => overlap.subject)).toEqual([`transaction:${third}`]);
  });

  it('tells a write whose sender gave up (and which Paysera still applies) from one still awaited', async () => {
    const walletId = sim.state.createWallet({ EUR: 10_000 });
    const key = await created('cashout-abandoned');
    const { code } = sim.state.issueCode(walletId);
    slowDown('reserve', 400);
    const giveUp = new AbortController();
    const reserving = walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code }, giveUp.signal).catch(() => 'gave up');
    await new Promise((resolve) => setTimeout(resolve, 100));
    giveUp.abort();
    expect(await reserving).toBe('gave up');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await walletCall(sim, 'DELETE', `/rest/v1/transaction/${key}`)).status).toBe(200);
    const { overlaps } = await report();
    expect(overlaps.map(({ arrived, inFlight, sendersGone }) => ({ arrived, inFlight, sendersGone }))).toEqual([{ arrived: 'revoke', inFlight: ['reserve'], sendersGone: true }]);
  });

  it('does not count a write refused by the MAC check', async () => {
    const reply = await fetch(`${sim.baseUrl}transaction`, { method: 'POST', body: JSON.stringify(payment('cashout-unsigned')) });
    expect(reply.status).toBe(401);
    expect(await report()).toEqual({ writesSeen: 0, overlaps: [] });
  });
});
