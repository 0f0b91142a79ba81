import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccounts } from '../../server/auth/accounts.ts';
import { parseConfig, type Config } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';
import { startSimulator, type RunningSimulator } from '../../server/simulator/index.ts';
import { startServer, type RunningServer } from '../../server/start-server.ts';
import { openPostgresStore } from '../../server/store/postgres/store.ts';
import { createApiSession } from '../reliability/support/api-session.ts';
import { freshPgDatabase, type PgTestDatabase } from '../support/pg-database.ts';
import { loseDatabase } from './store/postgres/outage.ts';
import { linesSink } from '../support/lines-sink.ts';

/** Kasa instances on one PostgreSQL database, as behind a load balancer: real servers on loopback, live mode on a simulator. */

const clientId = 'kasa-pg-instances';
const macKey = 'mac-key-for-postgres-instances-0123456';
const auditKey = 'audit-key-for-postgres-instances-012345';
const password = 'instance-password-1';

let database: PgTestDatabase;
let simulator: RunningSimulator;
let dataDir: string;
const servers: RunningServer[] = [];
const logLines: string[] = [];

function liveEnvOn(databaseUrl: string): Record<string, string> {
  return {
    PAYSERA_CLIENT_ID: clientId,
    PAYSERA_MAC_KEY: macKey,
    PAYSERA_BASE_URL: simulator.baseUrl,
    AUDIT_KEY: auditKey,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    // Short enough that the grace before a cut-short confirm is settled (2 timeouts, see cashout/cut-short.ts) keeps the outage test quick.
    WALLET_TIMEOUT_MS: '4000',
    // About instances, not the desk: payouts need no shift.
    REQUIRE_SHIFT: 'false',
  };
}

function liveConfig(): Config {
  const parsed = parseConfig(liveEnvOn(database.url));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.config;
}

async function startInstance(sweepIntervalMs: number): Promise<RunningServer> {
  const log = createLogger({
    level: 'info',
    secrets: [macKey],
    destination: linesSink(logLines),
  });
  const server = await startServer(liveConfig(), { port: 0, host: '127.0.0.1', log, sweepIntervalMs });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  database = await freshPgDatabase();
  simulator = await startSimulator({ clients: { [clientId]: macKey }, controlEnabled: true });
  dataDir = mkdtempSync(join(tmpdir(), 'kasa-pg-instances-'));
  const store = await openPostgresStore({ url: database.url, auditKey });
  try {
    await createAccounts(store).add('anna', 'cashier', password);
  } finally {
    await store.close();
  }
});

afterAll(async () => {
  for (const server of servers.splice(0)) await server.close();
  await simulator?.close();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('several instances on one PostgreSQL database', () => {
  it('keeps a session made on one instance good on another', async () => {
    // Sweeping only at start: until server/cluster keeps one instance's sweeper off a cash-out another is driving, it may not run meanwhile.
    const [first, second] = [await startInstance(3_600_000), await startInstance(3_600_000)];
    const cashier = createApiSession(first.origin);
    await cashier.signIn('anna', password);
    const created = await cashier.request('POST', '/api/cashouts', { amount: '12.00', currency: 'EUR' });
    expect(created.status).toBe(201);
    const { id } = created.json as { id: string };
    cashier.origin = second.origin;
    const seen = await cashier.request('GET', `/api/cashouts/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.json).toMatchObject({ id, status: 'created', amount: '12.00' });
    const cancelled = await cashier.request('POST', `/api/cashouts/${id}/cancel`);
    expect(cancelled.json).toMatchObject({ status: 'cancelled' });
  });

  it('answers DATABASE_UNAVAILABLE while the database is gone, and its sweeper settles the cash-out left unsettled once it is back', async () => {
    // One instance: keeping a second one's sweeper off a cash-out another instance is driving is server/cluster's job, not this test's.
    for (const running of servers.splice(0)) await running.close();
    const server = await startInstance(200);
    const cashier = createApiSession(server.origin);
    await cashier.signIn('anna', password);
    const walletId = simulator.state.createWallet({ EUR: 10_000 });
    const { code } = simulator.state.issueCode(walletId);
    const { id } = (await cashier.request('POST', '/api/cashouts', { amount: '30.00', currency: 'EUR' })).json as { id: string };
    expect((await cashier.request('POST', `/api/cashouts/${id}/reserve`, { code })).json).toMatchObject({ status: 'reserved' });

    // Paysera takes a while to confirm; the database goes away meanwhile, so Kasa cannot record the answer.
    simulator.state.addFault({ endpoint: 'confirm', kind: 'latency', ms: 1_500, count: 1 });
    const confirming = cashier.request('POST', `/api/cashouts/${id}/confirm`, { identityChecks: ['document', 'photo'] });
    await delay(500);
    const outage = await loseDatabase(inject('pgAdminUrl'), database.url);
    const confirmed = await confirming;
    expect(confirmed.status).toBe(503);
    expect(confirmed.json).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
    const meanwhile = await cashier.request('GET', `/api/cashouts/${id}`);
    expect(meanwhile.status).toBe(503);
    expect(meanwhile.json).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
    const paid = simulator.state.transactions().filter((transaction) => transaction.amount === 3_000);
    expect(paid.map((transaction) => transaction.status)).toEqual(['confirmed']);

    await outage.restore();
    // The confirm's answer could not be recorded, so it looks cut short: it is settled once it cannot still be arriving.
    let status = '';
    for (let attempt = 0; attempt < 200 && status !== 'confirmed'; attempt += 1) {
      await delay(100);
      const response = await cashier.request('GET', `/api/cashouts/${id}`);
      status = response.status === 200 ? (response.json as { status: string }).status : '';
    }
    expect(status).toBe('confirmed');
    expect(simulator.state.transactions().filter((transaction) => transaction.amount === 3_000).map((transaction) => transaction.confirmCount)).toEqual([1]);
    expect(simulator.state.wallet(walletId)).toMatchObject({ balances: { EUR: 7_000 }, held: { EUR: 0 } });
    expect(logLines.join("")).not.toContain(code);
  });

  it('runs demo mode on a database of its own, with its key in DATA_DIR/demo, and live mode then refuses that database', async () => {
    const demoDatabase = await freshPgDatabase();
    try {
      const parsed = parseConfig({ DATABASE_URL: demoDatabase.url, DATA_DIR: dataDir });
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      const demo = await startServer(parsed.config, { port: 0, host: '127.0.0.1', log: createLogger({ level: 'silent' }) });
      try {
        const cashier = createApiSession(demo.origin);
        await cashier.signIn(demo.demoAccounts?.cashier.username ?? '', demo.demoAccounts?.cashier.password ?? '');
        expect((await cashier.request('POST', '/api/cashouts', { amount: '5.00', currency: 'EUR' })).status).toBe(201);
      } finally {
        await demo.close();
      }
      const startLive = (env: Record<string, string>) => {
        const live = parseConfig(env);
        if (!live.ok) throw new Error(live.errors.join('; '));
        return startServer(live.config, { port: 0, host: '127.0.0.1', log: createLogger({ level: 'silent' }) });
      };
      await expect(startLive(liveEnvOn(demoDatabase.url))).rejects.toThrow(/kept with another key/);
      const demoKey = readFileSync(join(dataDir, 'demo', 'audit.key'), 'utf8').trim();
      await expect(startLive({ ...liveEnvOn(demoDatabase.url), AUDIT_KEY: demoKey })).rejects.toThrow(
        /the database at DATABASE_URL holds the demo account\(s\) demo-cashier, demo-supervisor/,
      );
    } finally {
      await demoDatabase.drop();
    }
  });
});
