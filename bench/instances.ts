import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { freePort, type PgCluster, startPgCluster } from '../test/support/pg-cluster.ts';
import { cashouts, kasaApiTarget, merge, stepLine, stepNames, stepsPerSecond, type Target, type WalletClientKeys, walletTarget } from './support/cashout-load.ts';
import type { LoadResult } from './support/load.ts';
import type { ResultRow } from './support/results.ts';
import { type ServerChild, startServerChild } from './support/server-child.ts';
import { runIfStarted } from './support/standalone.ts';
import { ms, summarise } from './support/stats.ts';

/**
 * Kasa on SQLite and on PostgreSQL (a throwaway cluster with fsync on, as in production), one
 * instance and two behind the round-robin balancer of the multi-instance soak, every one in live
 * mode against the same simulator child and measured side by side in one run: the time Kasa adds
 * to each Wallet call when cash-outs come one at a time, and the steps per second under load.
 */

const loadConnections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const warmupCashouts = 50;
const latencyCashouts = 100;
const latencyRounds = 4;
const throughputCashouts = 600;
const auditKey = randomBytes(24).toString('base64url');

interface Targets {
  wallet: Target;
  sqlite: Target;
  pgOne: Target;
  pgOneBalanced: Target;
  pgTwo: Target;
}

async function startTargets(cluster: PgCluster, client: WalletClientKeys, started: ServerChild[]): Promise<Targets> {
  const wallet = await walletTarget(client);
  started.push(wallet.child);
  const liveKasa = async (env: Record<string, string>): Promise<ServerChild> => {
    const child = await startServerChild('kasa-live', { BENCH_WALLET_ORIGIN: wallet.url, BENCH_CLIENT_ID: client.clientId, BENCH_MAC_KEY: client.macKey, ...env });
    started.push(child);
    return child;
  };
  const balancer = async (instances: readonly ServerChild[], port: number): Promise<ServerChild> => {
    const child = await startServerChild('balancer', {
      BENCH_PORT: String(port),
      BENCH_UPSTREAMS: instances.map((instance) => instance.info.origin).join(','),
      BENCH_WALLET_ORIGIN: wallet.url,
    });
    started.push(child);
    return child;
  };
  // The balancer's address is the instances' PUBLIC_ORIGIN, so its port is chosen before they start.
  const behindBalancer = (port: number) => ({ PUBLIC_ORIGIN: `http://127.0.0.1:${port}`, TRUST_PROXY: '127.0.0.1' });

  const sqlite = await liveKasa({});
  const onePort = await freePort();
  const pgOne = await liveKasa({ DATABASE_URL: await cluster.createDatabase(), BENCH_AUDIT_KEY: auditKey, ...behindBalancer(onePort) });
  const twoPort = await freePort();
  const sharedDatabase = { DATABASE_URL: await cluster.createDatabase(), BENCH_AUDIT_KEY: auditKey, ...behindBalancer(twoPort) };
  const first = await liveKasa(sharedDatabase);
  const second = await liveKasa({ ...sharedDatabase, BENCH_ACCOUNT_SEEDED: 'yes' });
  return {
    wallet,
    sqlite: await kasaApiTarget('SQLite, one instance', sqlite),
    pgOne: await kasaApiTarget('PostgreSQL, one instance', pgOne),
    pgOneBalanced: await kasaApiTarget('PostgreSQL, one instance behind the balancer', await balancer([pgOne], onePort), pgOne.info.cashier),
    pgTwo: await kasaApiTarget('PostgreSQL, two instances behind the balancer', await balancer([first, second], twoPort), first.info.cashier),
  };
}

export async function runInstancesBench(): Promise<ResultRow[]> {
  const loadAtStart = loadavg();
  const started: ServerChild[] = [];
  const cluster = await startPgCluster({ fsync: true });
  try {
    const client = { clientId: 'bench-client', macKey: randomBytes(24).toString('base64url') };
    const targets = await startTargets(cluster, client, started);
    const { wallet, sqlite, pgOne, pgTwo } = targets;
    const all = [wallet, sqlite, pgOne, targets.pgOneBalanced, pgTwo];
    const kasas = all.filter((target) => target !== wallet);

    for (const target of all) await cashouts(target, warmupCashouts, 1);
    const serialRounds = new Map<Target, LoadResult[]>(all.map((target) => [target, []]));
    const loadedRounds = new Map<Target, LoadResult[]>(all.map((target) => [target, []]));
    // Alternating the targets round by round spreads the machine's other work evenly over them.
    for (let round = 0; round < latencyRounds; round++) {
      for (const target of all) serialRounds.get(target)?.push(await cashouts(target, latencyCashouts, 1));
      for (const target of all) loadedRounds.get(target)?.push(await cashouts(target, throughputCashouts / latencyRounds, loadConnections));
    }
    const serial = new Map([...serialRounds].map(([target, results]) => [target, merge(results)]));
    const loaded = new Map([...loadedRounds].map(([target, results]) => [target, merge(results)]));
    const serialOf = (target: Target) => serial.get(target) ?? merge([]);
    const loadedOf = (target: Target) => loaded.get(target) ?? merge([]);

    console.log(`instances: one request at a time (${latencyRounds * latencyCashouts} cash-outs each)`);
    for (const target of all) console.log(stepLine(target.label, serialOf(target)));
    console.log(`instances: ${loadConnections} connections (${throughputCashouts} cash-outs each)`);
    for (const target of all) console.log(stepLine(target.label, loadedOf(target)));

    const rows: ResultRow[] = [{ benchmark: 'instances', metric: 'load average at the start of this benchmark', value: loadAtStart.map((load) => load.toFixed(2)).join(' ') }];
    for (const name of stepNames) {
      const direct = summarise(serialOf(wallet).steps[name]?.latencies ?? []);
      for (const kasa of kasas) {
        const stats = summarise(serialOf(kasa).steps[name]?.latencies ?? []);
        const overhead = stats.median - direct.median;
        rows.push({
          benchmark: 'instances',
          metric: `${name}: overhead per Wallet call, p50 (${kasa.label})`,
          value: `${ms(overhead, 2)} (${ms(stats.median, 2)} vs ${ms(direct.median, 2)} for the Wallet call alone; p99 ${ms(stats.p99, 1)})`,
          ...(kasa === pgOne && { measured: overhead, target: { comparison: 'at most', limit: 3, unit: 'ms' } }),
        });
      }
    }
    for (const kasa of kasas) {
      rows.push({ benchmark: 'instances', metric: `throughput, ${loadConnections} connections: ${kasa.label}`, value: `${stepsPerSecond(loadedOf(kasa)).toFixed(0)} steps/s` });
    }
    const share = (target: Target, of: Target) => (100 * stepsPerSecond(loadedOf(target))) / stepsPerSecond(loadedOf(of));
    rows.push({
      benchmark: 'instances',
      metric: 'throughput: PostgreSQL, one instance, as a share of SQLite, one instance',
      value: `${share(pgOne, sqlite).toFixed(0)} %`,
      measured: share(pgOne, sqlite),
      target: { comparison: 'at least', limit: 70, unit: '%' },
    });
    rows.push({ benchmark: 'instances', metric: 'throughput: PostgreSQL, two instances behind the balancer, as a share of one instance', value: `${share(pgTwo, pgOne).toFixed(0)} %` });
    return rows;
  } finally {
    for (const child of started.reverse()) await child.close();
    await cluster.stop();
  }
}

await runIfStarted(import.meta.url, runInstancesBench);
