/**
 * Entry of a child process holding one server under load, so the load generator does not share its
 * event loop: `kasa` is the server in demo mode (with its embedded simulator; its SQLite file in a
 * temp dir under BENCH_DATA_PARENT), `simulator` a bare simulator with the client given in the
 * environment, `kasa-live` the server in live mode against the Wallet API at BENCH_WALLET_ORIGIN
 * (a simulator child: two processes, as in production where Paysera is remote) on SQLite or on
 * the PostgreSQL database at DATABASE_URL (its cashier seeded unless BENCH_ACCOUNT_SEEDED=yes says
 * another instance on that database did), `balancer` the
 * round-robin balancer of the multi-instance soak in front of the Kasa children at BENCH_UPSTREAMS.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccounts } from '../../server/auth/accounts.ts';
import { parseConfig } from '../../server/config.ts';
import { startSimulator } from '../../server/simulator/index.ts';
import { startServer } from '../../server/start-server.ts';
import { openConfiguredStore } from '../../server/store/open-store.ts';
import type { ChildReply, ChildRequest, ServerChildInfo } from './child-messages.ts';
import { dataDirAuditKey } from '../../server/store/audit-key.ts';
import { startRoundRobinProxy } from '../../test/reliability/support/round-robin-proxy.ts';

function reply(message: ChildReply): void {
  process.send?.(message);
}

/**
 * The load runs thousands of payouts as one cashier, more than any drawer's float: outside shifts
 * unless REQUIRE_SHIFT says otherwise. Each create still takes the cashier's lock, as in production.
 */
const benchDefaults = { REQUIRE_SHIFT: 'false' };

async function startKasa(): Promise<{ info: ServerChildInfo; close(): Promise<void> }> {
  const dataDir = await mkdtemp(join(process.env.BENCH_DATA_PARENT ?? tmpdir(), 'kasa-bench-server-'));
  // Paysera credentials in the environment would switch to live mode: the benchmark is of demo mode.
  const parsed = parseConfig({ ...benchDefaults, ...process.env, PAYSERA_CLIENT_ID: undefined, PAYSERA_MAC_KEY: undefined, DATA_DIR: dataDir });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const demoPasswords = { cashier: 'cashier-bench-password', supervisor: 'supervisor-bench-password' };
  const server = await startServer(parsed.config, { port: 0, host: '127.0.0.1', dataDir, demoPasswords });
  if (!server.simulator || !server.demoAccounts) throw new Error('the server did not start in demo mode');
  return {
    info: { origin: server.origin, simulatorOrigin: server.simulator.origin, cashier: server.demoAccounts.cashier },
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function startLiveKasa(): Promise<{ info: ServerChildInfo; close(): Promise<void> }> {
  const walletOrigin = process.env.BENCH_WALLET_ORIGIN ?? '';
  const dataDir = await mkdtemp(join(process.env.BENCH_DATA_PARENT ?? tmpdir(), 'kasa-bench-live-'));
  const cashier = { username: 'bench-cashier', password: 'cashier-bench-password' };
  // Instances sharing one PostgreSQL database (DATABASE_URL) bring one key; alone, the key kept in the data dir.
  const auditKey = process.env.BENCH_AUDIT_KEY ?? dataDirAuditKey(dataDir);
  if (process.env.BENCH_ACCOUNT_SEEDED !== 'yes') {
    const store = await openConfiguredStore({ databaseUrl: process.env.DATABASE_URL ?? null, dataDir, auditKey });
    await createAccounts(store).add(cashier.username, 'cashier', cashier.password);
    await store.close();
  }
  const parsed = parseConfig({
    ...benchDefaults,
    ...process.env,
    DATA_DIR: dataDir,
    PAYSERA_CLIENT_ID: process.env.BENCH_CLIENT_ID,
    PAYSERA_MAC_KEY: process.env.BENCH_MAC_KEY,
    PAYSERA_BASE_URL: `${walletOrigin}/rest/v1/`,
    // The key the accounts were seeded under; an operator keeps AUDIT_KEY outside DATA_DIR.
    AUDIT_KEY: auditKey,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const server = await startServer(parsed.config, { port: 0, host: '127.0.0.1', dataDir });
  return {
    info: { origin: server.origin, simulatorOrigin: walletOrigin, cashier },
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function startBareSimulator(): Promise<{ info: ServerChildInfo; close(): Promise<void> }> {
  const clientId = process.env.BENCH_CLIENT_ID ?? '';
  const macKey = process.env.BENCH_MAC_KEY ?? '';
  const simulator = await startSimulator({ clients: { [clientId]: macKey }, controlEnabled: true });
  return { info: { origin: simulator.origin, simulatorOrigin: simulator.origin }, close: () => simulator.close() };
}

async function startBalancer(): Promise<{ info: ServerChildInfo; close(): Promise<void> }> {
  const upstreams = (process.env.BENCH_UPSTREAMS ?? '').split(',');
  const proxy = await startRoundRobinProxy(upstreams.length, Number(process.env.BENCH_PORT ?? 0));
  for (const [slot, origin] of upstreams.entries()) proxy.setUpstream(slot, origin);
  return { info: { origin: proxy.origin, simulatorOrigin: process.env.BENCH_WALLET_ORIGIN ?? '' }, close: () => proxy.close() };
}

const starters = { simulator: startBareSimulator, 'kasa-live': startLiveKasa, kasa: startKasa, balancer: startBalancer };
const running = await (starters[process.argv[2] as keyof typeof starters] ?? startKasa)();

process.on('message', async (message: ChildRequest) => {
  if (message.type === 'memory') {
    // Collected first, so the figure is what stays alive rather than garbage not yet swept.
    globalThis.gc?.();
    reply({ type: 'memory', usage: process.memoryUsage() });
  } else {
    await running.close();
    process.exit(0);
  }
});
reply({ type: 'ready', info: running.info });
