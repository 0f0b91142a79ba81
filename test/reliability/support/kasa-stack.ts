import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../server/config.ts';
import { createLogger } from '../../../server/log.ts';
import { startSimulator, type RunningSimulator } from '../../../server/simulator/index.ts';
import { type RunningServer, startServer, type StartOptions } from '../../../server/start-server.ts';
import type { LocationRecord } from '../../../server/store/desk-types.ts';
import { seedAccounts, type TestAccounts } from './accounts.ts';
import { seedLocations } from './locations.ts';
import { dataDirAuditKey } from '../../../server/store/audit-key.ts';
import { linesSink } from '../../support/lines-sink.ts';

/**
 * The real server in live mode pointed at a simulator of our own, both in this process. Unlike
 * demo mode, the test knows the MAC credentials (to search for the key) and owns the simulator.
 */

export const stackClientId = 'kasa-reliability';

export interface KasaStack {
  origin: string;
  /** Every instance's origin, `origin` first: several share one store when `instances` > 1. */
  origins: string[];
  simulator: RunningSimulator;
  dataDir: string;
  /** DATABASE_URL when the stack runs on PostgreSQL; null on SQLite in dataDir. */
  databaseUrl: string | null;
  macKey: string;
  accounts: TestAccounts;
  /** The locations seeded with the accounts (`locations` option). */
  locations: LocationRecord[];
  /** Every line the server logged, as written. */
  logLines: string[];
  close(): Promise<void>;
}

export interface KasaStackOptions {
  env?: Record<string, string>;
  cashiers?: number;
  supervisors?: number;
  sweepIntervalMs?: number;
  logLevel?: 'info' | 'debug' | 'trace';
  staticRoot?: string;
  /** Servers on the one store, as instances behind a balancer would be; one unless told otherwise. */
  instances?: number;
  /** Puts the server on this PostgreSQL database instead of SQLite in its data dir. */
  databaseUrl?: string;
  /** Names of locations to seed before the server starts, for stacks that open shifts. */
  locations?: readonly string[];
}

export function randomMacKey(): string {
  return randomBytes(24).toString('base64url');
}

/** Environment for live mode against `simulator`, as an operator would set it (design §4). */
export function liveEnv(simulator: RunningSimulator, macKey: string, dataDir: string): Record<string, string> {
  return {
    PAYSERA_CLIENT_ID: stackClientId,
    PAYSERA_MAC_KEY: macKey,
    PAYSERA_BASE_URL: simulator.baseUrl,
    // The key the accounts were seeded under; an operator keeps AUDIT_KEY outside DATA_DIR.
    AUDIT_KEY: dataDirAuditKey(dataDir),
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    // These stacks test the workflow, not the desk: payouts need no shift unless a test sets it back on.
    REQUIRE_SHIFT: 'false',
  };
}

export async function startKasaStack(options: KasaStackOptions = {}): Promise<KasaStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kasa-reliability-'));
  const macKey = randomMacKey();
  const simulator = await startSimulator({ clients: { [stackClientId]: macKey }, controlEnabled: true });
  const servers: RunningServer[] = [];
  try {
    const databaseUrl = options.databaseUrl ?? null;
    const accounts = await seedAccounts({ dataDir, databaseUrl }, { cashiers: options.cashiers ?? 2, supervisors: options.supervisors ?? 1 });
    const locations = await seedLocations({ dataDir, databaseUrl }, options.locations ?? []);
    const parsed = parseConfig({ ...liveEnv(simulator, macKey, dataDir), ...(databaseUrl && { DATABASE_URL: databaseUrl }), ...options.env });
    if (!parsed.ok) throw new Error(`bad test configuration: ${parsed.errors.join('; ')}`);
    const logLines: string[] = [];
    const log = createLogger({
      level: options.logLevel ?? 'info',
      secrets: [macKey],
      destination: linesSink(logLines),
    });
    const startOptions: StartOptions = {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      log,
      ...(options.sweepIntervalMs !== undefined && { sweepIntervalMs: options.sweepIntervalMs }),
      ...(options.staticRoot !== undefined && { staticRoot: options.staticRoot }),
    };
    for (let instance = 0; instance < (options.instances ?? 1); instance += 1) servers.push(await startServer(parsed.config, startOptions));
    const [server] = servers;
    if (!server) throw new Error('a stack needs at least one instance');
    return {
      origin: server.origin,
      origins: servers.map((running) => running.origin),
      simulator,
      dataDir,
      databaseUrl,
      macKey,
      accounts,
      locations,
      logLines,
      async close() {
        for (const running of servers) await running.close();
        await simulator.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const running of servers) await running.close();
    await simulator.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
