import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../server/simulator/index.ts';
import { dataDirAuditKey } from '../../server/store/audit-key.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import { seedAccounts, type TestAccount } from './support/accounts.ts';
import { createApiSession } from './support/api-session.ts';
import { type ChildServer, spawnMain } from './support/child-server.ts';
import { liveEnv, randomMacKey, stackClientId } from './support/kasa-stack.ts';

/**
 * SIGTERM while a confirm waits on a slow Paysera: Kasa (server/main.ts in its own process) stops
 * taking requests at once, lets the confirm finish and answer, and exits 0 with the cash-out
 * settled. Paysera is the simulator in this process, its confirm slowed by a latency fault.
 */

const confirmLatencyMs = 3_000;

let dataDir: string;
let simulator: RunningSimulator;
let server: ChildServer | null = null;
let cashierAccount: TestAccount;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kasa-drain-'));
  const macKey = randomMacKey();
  simulator = await startSimulator({ clients: { [stackClientId]: macKey }, controlEnabled: true });
  const accounts = await seedAccounts(dataDir, { cashiers: 1, supervisors: 0 });
  server = await spawnMain({ ...liveEnv(simulator, macKey, dataDir), LOG_LEVEL: 'warn' });
  const account = accounts.cashiers[0];
  if (!account) throw new Error('no cashier account');
  cashierAccount = account;
}, 60_000);

afterAll(async () => {
  await server?.kill();
  await simulator?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** What a new request gets once the drain has begun: no connection, or 503 SHUTTING_DOWN on one kept alive from before. */
async function newRequestOutcome(origin: string): Promise<'refused' | 'shutting down' | number> {
  try {
    const response = await fetch(`${origin}/api/health`);
    const body = (await response.json()) as { error?: { code: string } };
    return response.status === 503 && body.error?.code === 'SHUTTING_DOWN' ? 'shutting down' : response.status;
  } catch {
    return 'refused';
  }
}

describe('SIGTERM drain', () => {
  it('refuses new requests, finishes the confirm in flight with its real answer, and exits 0 with the cash-out settled', async () => {
    const running = server;
    if (!running) throw new Error('no server');
    const cashier = createApiSession(running.origin);
    await cashier.signIn(cashierAccount.username, cashierAccount.password);
    const walletId = simulator.state.createWallet({ EUR: 100_000 });
    const created = await cashier.request('POST', '/api/cashouts', { amount: '25.00', currency: 'EUR' });
    expect(created.status).toBe(201);
    const { id } = created.json as { id: string };
    const reserved = await cashier.request('POST', `/api/cashouts/${id}/reserve`, { code: simulator.state.issueCode(walletId).code });
    expect(reserved.status).toBe(200);

    simulator.state.addFault({ endpoint: 'confirm', kind: 'latency', ms: confirmLatencyMs, count: 1 });
    let confirmAnswered = false;
    const confirming = cashier.request('POST', `/api/cashouts/${id}/confirm`, { identityChecks: ['document', 'photo'] }).then((response) => {
      confirmAnswered = true;
      return response;
    });
    // The confirm has reached Paysera and is waiting there.
    while (simulator.state.faults()[0]?.fired !== 1) await new Promise((resolve) => setTimeout(resolve, 20));

    const exit = running.terminate();
    let outcome = await newRequestOutcome(running.origin);
    while (outcome === 200) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      outcome = await newRequestOutcome(running.origin);
    }
    expect(['refused', 'shutting down']).toContain(outcome);
    // Refused while the confirm was still waiting on Paysera: the drain began before it ended.
    expect(confirmAnswered).toBe(false);

    const confirmed = await confirming;
    expect(confirmed.status).toBe(200);
    expect((confirmed.json as { status: string }).status).toBe('confirmed');
    expect(await exit).toEqual({ code: 0, signal: null });
    server = null;
    expect(await newRequestOutcome(running.origin)).toBe('refused');

    const transactionKey = (confirmed.json as { transactionKey: string }).transactionKey;
    expect(simulator.state.transaction(transactionKey)?.status).toBe('confirmed');
    const store = openSqliteStore({ dataDir, auditKey: dataDirAuditKey(dataDir) });
    try {
      expect(await store.getCashout(id)).toMatchObject({ status: 'confirmed', pending: null });
      expect(await store.listUnsettledCashouts()).toEqual([]);
      expect((await store.verifyAudit()).ok).toBe(true);
    } finally {
      await store.close();
    }
    expect(running.output()).not.toMatch(/shutdown failed|"level":(50|60)/);
  }, 60_000);
});
