import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMetrics } from '../../server/metrics.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import type { Store } from '../../server/store/types.ts';
import { createApiSession, type ApiSession } from '../reliability/support/api-session.ts';
import { startKasaStack, type KasaStack } from '../reliability/support/kasa-stack.ts';
import { freshPgDatabase, type PgTestDatabase } from '../support/pg-database.ts';

/**
 * The metrics as start-server wires them, moved by real cash-outs: the server on loopback in live
 * mode, Paysera the simulator, faults making a confirm's outcome unknown until the sweeper settles it.
 */

const token = 'flow-metrics-token-0123456789';

/** The value of one sample in Prometheus text, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',').filter((pair) => pair !== '');
    if (have.length === wanted.length && wanted.every((pair) => have.includes(pair))) return Number(match[3]);
  }
  return undefined;
}

let stack: KasaStack;
let cashier: ApiSession;
let walletId: number;

async function scrape(): Promise<string> {
  const response = await fetch(`${stack.origin}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return response.text();
}

async function created(): Promise<string> {
  const response = await cashier.request('POST', '/api/cashouts', { amount: '12.00', currency: 'EUR' });
  expect(response.status).toBe(201);
  return (response.json as { id: string }).id;
}

async function reserved(): Promise<string> {
  const id = await created();
  const response = await cashier.request('POST', `/api/cashouts/${id}/reserve`, { code: stack.simulator.state.issueCode(walletId).code });
  expect(response.status).toBe(200);
  return id;
}

const confirm = (id: string) => cashier.request('POST', `/api/cashouts/${id}/confirm`, { identityChecks: ['document', 'photo'] });

beforeAll(async () => {
  stack = await startKasaStack({ env: { METRICS_TOKEN: token }, sweepIntervalMs: 300, logLevel: 'debug' });
  walletId = stack.simulator.state.createWallet({ EUR: 1_000_000 });
  const account = stack.accounts.cashiers[0];
  if (!account) throw new Error('no cashier account');
  cashier = createApiSession(stack.origin);
  await cashier.signIn(account.username, account.password);
});
afterAll(async () => {
  await stack?.close();
});

describe('metrics after real cash-outs', () => {
  it('count outcomes, Wallet calls, requests by route, a cash-out in doubt and the sweep that settles it', async () => {
    const before = await scrape();
    expect(sample(before, 'kasa_cashouts_in_doubt')).toBe(0);
    expect(sample(before, 'kasa_db_pool_connections', { state: 'total' })).toBeUndefined();

    const paid = await reserved();
    expect((await confirm(paid)).status).toBe(200);

    const refusedAndCancelled = await created();
    const wrongCode = await cashier.request('POST', `/api/cashouts/${refusedAndCancelled}/reserve`, { code: '1234567890123456789012345678' });
    expect(wrongCode.status).toBe(422);
    expect((await cashier.request('POST', `/api/cashouts/${refusedAndCancelled}/cancel`)).status).toBe(200);

    // The confirm is applied but its answer never comes, and no read-back gets through: in doubt.
    const doubtful = await reserved();
    stack.simulator.state.addFault({ endpoint: 'confirm', kind: 'drop_after', count: 1 });
    stack.simulator.state.addFault({ endpoint: 'get', kind: 'error', count: 1_000_000 });
    const unanswered = await confirm(doubtful);
    expect([unanswered.status, (unanswered.json as { status: string }).status]).toEqual([200, 'in_doubt']);
    const inDoubt = await scrape();
    expect(sample(inDoubt, 'kasa_cashouts_in_doubt')).toBe(1);
    expect(sample(inDoubt, 'kasa_wallet_call_duration_seconds_count', { endpoint: 'confirm', outcome: 'unknown' })).toBe(1);
    expect(sample(inDoubt, 'kasa_wallet_call_duration_seconds_count', { endpoint: 'get', outcome: 'unknown' })).toBeGreaterThan(0);

    stack.simulator.state.clearFaults();
    await vi.waitFor(
      async () => {
        const text = await scrape();
        expect(sample(text, 'kasa_cashouts_in_doubt')).toBe(0);
        expect(sample(text, 'kasa_sweep_settled_total', { result: 'resolved' })).toBeGreaterThanOrEqual(1);
      },
      { timeout: 30_000, interval: 200 },
    );

    const after = await scrape();
    expect(sample(after, 'kasa_cashouts_finished_total', { status: 'confirmed' })).toBe(2);
    expect(sample(after, 'kasa_cashouts_finished_total', { status: 'cancelled' })).toBe(1);
    expect(sample(after, 'kasa_wallet_call_duration_seconds_count', { endpoint: 'create', outcome: 'ok' })).toBe(3);
    expect(sample(after, 'kasa_wallet_call_duration_seconds_count', { endpoint: 'reserve', outcome: 'refused' })).toBe(1);
    expect(sample(after, 'kasa_wallet_call_duration_seconds_count', { endpoint: 'confirm', outcome: 'ok' })).toBe(1);
    expect(sample(after, 'kasa_wallet_call_duration_seconds_count', { endpoint: 'revoke', outcome: 'ok' })).toBe(1);
    expect(sample(after, 'kasa_wallet_call_duration_seconds_bucket', { endpoint: 'create', outcome: 'ok', le: '+Inf' })).toBe(3);
    expect(sample(after, 'kasa_http_requests_total', { method: 'POST', route: '/api/cashouts', status: '201' })).toBe(3);
    expect(sample(after, 'kasa_http_requests_total', { method: 'POST', route: '/api/cashouts/:id/reserve', status: '422' })).toBe(1);
    expect(sample(after, 'kasa_http_requests_total', { method: 'POST', route: '/api/cashouts/:id/confirm', status: '200' })).toBe(2);
    expect(sample(after, 'kasa_sweeps_total', { outcome: 'ok' })).toBeGreaterThan(sample(before, 'kasa_sweeps_total', { outcome: 'ok' }) ?? 0);
  }, 60_000);

  it('keeps every label value to a closed set (no id, no username, no code), and the token out of the log', async () => {
    const text = await scrape();
    const labelValues = [...text.matchAll(/(\w+)="([^"]*)"/g)].map(([, name, value]) => `${name}=${value}`);
    expect(labelValues.length).toBeGreaterThan(0);
    for (const pair of labelValues) {
      expect(pair).toMatch(/^(status=(\d{3}|confirmed|cancelled|expired|failed)|le=.*|endpoint=\w+|outcome=(ok|refused|unknown|failed)|result=(resolved|revoked)|method=[A-Z]+|route=(unmatched|\/[a-z/:.*-]*))$/);
    }
    expect(stack.logLines.length).toBeGreaterThan(0);
    expect(stack.logLines.join('')).not.toContain(token);
    for (const secretish of [stack.accounts.cashiers[0]?.username ?? 'cashier-1', 'kasa_session', ...stack.simulator.state.transactions().map((tx) => tx.key)]) {
      expect(text).not.toContain(secretish);
    }
  });
});

describe('pool usage', () => {
  let database: PgTestDatabase;
  let pool: pg.Pool;
  let dataDir: string;
  let store: Store;

  beforeAll(async () => {
    database = await freshPgDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 1 });
    dataDir = mkdtempSync(join(tmpdir(), 'kasa-metrics-pool-'));
    const sqlite = openSqliteStore({ dataDir });
    // The hook as the PostgreSQL store provides it, over a real pool.
    store = Object.assign(Object.create(sqlite) as Store, {
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: () => sqlite.close(),
    });
  });
  afterAll(async () => {
    await pool?.end();
    await store?.close();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads total, idle and waiting at each scrape from a store with a pool', async () => {
    const metrics = createMetrics(store);
    const connection = await pool.connect();
    const waiter = pool.connect();
    await vi.waitFor(() => expect(pool.waitingCount).toBe(1));
    const busy = await metrics.render();
    expect(sample(busy, 'kasa_db_pool_connections', { state: 'total' })).toBe(1);
    expect(sample(busy, 'kasa_db_pool_connections', { state: 'idle' })).toBe(0);
    expect(sample(busy, 'kasa_db_pool_connections', { state: 'waiting' })).toBe(1);
    connection.release();
    (await waiter).release();
    const quiet = await metrics.render();
    expect(sample(quiet, 'kasa_db_pool_connections', { state: 'idle' })).toBe(1);
    expect(sample(quiet, 'kasa_db_pool_connections', { state: 'waiting' })).toBe(0);
  });
});
