import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccounts } from '../../server/auth/accounts.ts';
import { parseConfig, type Config } from '../../server/config.ts';
import { demoSupervisor, ensureDemoAccounts } from '../../server/demo-accounts.ts';
import { createLogger } from '../../server/log.ts';
import { startSimulator, type RunningSimulator } from '../../server/simulator/index.ts';
import { startServer } from '../../server/start-server.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import { liveEnv, randomMacKey, stackClientId } from '../reliability/support/kasa-stack.ts';
import { createApiSession } from '../reliability/support/api-session.ts';
import { linesSink } from '../support/lines-sink.ts';

/**
 * Issue 10, HIGH: demo accounts, whose passwords are shown on screen, must never sign in to live
 * mode, demo cash-outs must never sit beside live ones, and no password may reach a log line.
 */

const demoPasswords = { cashier: 'demo-cashier-password-1', supervisor: 'demo-supervisor-password-1', admin: 'demo-admin-password-1' };

function config(env: Record<string, string>): Config {
  const parsed = parseConfig({ LOG_LEVEL: 'silent', ...env });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.config;
}

function memoryLog() {
  const lines: string[] = [];
  const destination = linesSink(lines);
  return { log: createLogger({ level: 'trace', destination }), text: () => lines.join('') };
}

let dataDir: string;
let simulator: RunningSimulator;
let macKey: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kasa-demo-apart-'));
  macKey = randomMacKey();
  simulator = await startSimulator({ clients: { [stackClientId]: macKey }, controlEnabled: false });
});

afterEach(async () => {
  await simulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('demo and live on the same DATA_DIR', () => {
  it('keeps demo accounts and cash-outs out of the live store, and demo passwords out of the log', async () => {
    const logged = memoryLog();
    const demo = await startServer(config({ DATA_DIR: dataDir }), { port: 0, host: '127.0.0.1', demoPasswords, log: logged.log });
    try {
      const cashier = createApiSession(demo.origin);
      await cashier.signIn('demo-cashier', demoPasswords.cashier);
      expect((await cashier.request('POST', '/api/cashouts', { amount: '12.00', currency: 'EUR' })).status).toBe(201);
    } finally {
      await demo.close();
    }
    expect(logged.text()).toContain('Demo mode on the embedded simulator');
    expect(logged.text()).not.toContain(demoPasswords.cashier);
    expect(logged.text()).not.toContain(demoPasswords.supervisor);

    const live = await startServer(config(liveEnv(simulator, macKey, dataDir)), { port: 0, host: '127.0.0.1' });
    try {
      const supervisor = createApiSession(live.origin);
      const signIn = await supervisor.request('POST', '/api/session', { username: demoSupervisor, password: demoPasswords.supervisor });
      expect(signIn.status).toBe(401);
    } finally {
      await live.close();
    }
    const liveStore = openSqliteStore({ dataDir });
    try {
      expect(await liveStore.listUsers()).toEqual([]);
      expect(await liveStore.listCashouts(0, Number.MAX_SAFE_INTEGER)).toEqual([]);
    } finally {
      await liveStore.close();
    }
  });

  it('refuses to start live mode on a store that holds demo accounts, saying why', async () => {
    const store = openSqliteStore({ dataDir });
    try {
      await ensureDemoAccounts(store, createAccounts(store), demoPasswords);
    } finally {
      await store.close();
    }
    await expect(startServer(config(liveEnv(simulator, macKey, dataDir)), { port: 0, host: '127.0.0.1' })).rejects.toThrow(
      /^live mode refuses to start: .* holds the demo account\(s\) demo-cashier, demo-supervisor, demo-admin\b/,
    );
  });
});
