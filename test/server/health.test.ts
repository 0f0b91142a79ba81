import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHealthCheck } from '../../server/health.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import type { Store } from '../../server/store/types.ts';
import { createWalletClient } from '../../server/wallet/client.ts';
import { json, startRecordingServer, type RecordingServer } from './wallet/recording-server.ts';

let paysera: RecordingServer;
let clock: number;
let dataDir: string;
let store: Store;
let pings: number;

beforeEach(async () => {
  paysera = await startRecordingServer();
  clock = 1_700_000_000_000;
  dataDir = mkdtempSync(join(tmpdir(), 'kasa-health-'));
  const sqlite = openSqliteStore({ dataDir });
  pings = 0;
  // The real store, its pings counted: a health check must not be a way to hammer the database.
  store = Object.assign(Object.create(sqlite) as Store, {
    ping: () => {
      pings += 1;
      return sqlite.ping();
    },
    close: () => sqlite.close(),
  });
});
afterEach(async () => {
  await paysera.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function healthCheck() {
  const wallet = createWalletClient({ baseUrl: paysera.baseUrl, clientId: 'id', macKey: 'key', timeoutMs: 5_000 });
  return createHealthCheck(wallet, store, 'live', { cacheMs: 5_000, now: () => clock });
}

describe('health check', () => {
  it('asks Paysera and the database once for any number of callers within the cache time', async () => {
    paysera.respond(json(200, { time: 1_700_000_000 }));
    const health = healthCheck();
    const answers = await Promise.all(Array.from({ length: 20 }, () => health()));
    for (const answer of answers) {
      expect(answer).toMatchObject({ ok: true, mode: 'live', wallet: { reachable: true }, database: { reachable: true } });
      expect(answer.database.latencyMs).toBeGreaterThanOrEqual(0);
    }
    clock += 4_999;
    expect(await health()).toMatchObject({ ok: true });
    expect(paysera.requests).toHaveLength(1);
    expect(paysera.requests[0]?.url).toMatch(/\/server$/);
    expect(pings).toBe(1);
  });

  it('asks again once the answer is older than the cache time, and caches a failure too', async () => {
    paysera.respond(json(200, { time: 1_700_000_000 }), json(400, { error: 'invalid_request', error_description: 'no' }));
    const health = healthCheck();
    expect(await health()).toMatchObject({ ok: true });
    clock += 5_000;
    expect(await health()).toMatchObject({ ok: false, wallet: { reachable: false }, database: { reachable: true } });
    expect(await health()).toMatchObject({ ok: false });
    expect(paysera.requests).toHaveLength(2);
    expect(pings).toBe(2);
  });

  it('reports a database that cannot be reached, without a latency, and notices when it is', async () => {
    paysera.respond(json(200, { time: 1_700_000_000 }), json(200, { time: 1_700_000_005 }));
    const health = healthCheck();
    expect(await health()).toMatchObject({ ok: true, database: { reachable: true } });
    await store.close();
    clock += 5_000;
    expect(await health()).toEqual({
      ok: false,
      mode: 'live',
      wallet: { reachable: true, clockOffsetSeconds: 0 },
      database: { reachable: false, latencyMs: null },
    });
    expect(pings).toBe(2);
  });
});
