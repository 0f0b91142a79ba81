import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccounts } from '../../../server/auth/accounts.ts';
import { type Config, parseConfig } from '../../../server/config.ts';
import { startServer } from '../../../server/start-server.ts';
import { type DemoAccounts, type DemoCredentials, demoDataDir } from '../../../server/demo-accounts.ts';
import { openConfiguredStore } from '../../../server/store/open-store.ts';
import type { RunningSimulator } from '../../../server/simulator/index.ts';

export interface KasaUnderTest {
  origin: string;
  simulator: RunningSimulator;
  accounts: DemoAccounts;
  close(): Promise<void>;
}

export interface StartKasaOptions {
  /**
   * The cash desk as a fresh demo has it: REQUIRE_SHIFT on and demo-cashier's open shift at the
   * Demo shop. Without it payouts need no shift, as the specs that are not about the desk expect.
   */
  desk?: boolean;
  /** An administrator account, put in the store before the server starts, for the specs that manage accounts. */
  admin?: DemoCredentials;
}

const staticRoot = 'dist';

/** Adds the account the way the `npm run user` CLI does: through the accounts module, on the store the server then opens. */
async function addAdmin(config: Config, dataDir: string, admin: DemoCredentials): Promise<void> {
  const store = await openConfiguredStore({ databaseUrl: config.databaseUrl, dataDir: demoDataDir(dataDir), auditKey: config.auditKey });
  try {
    await createAccounts(store).add(admin.username, 'admin', admin.password);
  } finally {
    await store.close();
  }
}

/**
 * The real server in demo mode, in this process, serving the built PWA, on a free loopback port
 * with its SQLite file in a fresh temp dir. `env` takes the variables of design §4, e.g.
 * `{ WALLET_TIMEOUT_MS: '2000' }`.
 */
export async function startKasa(env: Record<string, string> = {}, options: StartKasaOptions = {}): Promise<KasaUnderTest> {
  if (!existsSync(join(staticRoot, 'index.html'))) throw new Error('dist/index.html is missing: run `vite build` first (npm run test:e2e does)');
  const parsed = parseConfig({ LOG_LEVEL: 'silent', ...(options.desk !== true && { REQUIRE_SHIFT: 'false' }), ...env });
  if (!parsed.ok) throw new Error(`bad test configuration: ${parsed.errors.join('; ')}`);
  const dataDir = await mkdtemp(join(tmpdir(), 'kasa-e2e-'));
  try {
    if (options.admin) await addAdmin(parsed.config, dataDir, options.admin);
    const server = await startServer(parsed.config, {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      staticRoot,
      demoPasswords: { cashier: 'cashier-e2e-password', supervisor: 'supervisor-e2e-password' },
    });
    const { simulator, demoAccounts } = server;
    if (!simulator || !demoAccounts) {
      await server.close();
      throw new Error('the server did not start in demo mode');
    }
    return {
      origin: server.origin,
      simulator,
      accounts: demoAccounts,
      async close() {
        await server.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
