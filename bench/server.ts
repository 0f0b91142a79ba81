import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cashouts, failures, kasaTarget, merge, okSteps, stepLine, stepNames, stepsPerSecond, type Target, walletTarget } from './support/cashout-load.ts';
import type { LoadResult } from './support/load.ts';
import { describeTrace, memoryRows, type MemoryTrace } from './support/memory-rows.ts';
import type { ResultRow } from './support/results.ts';
import { runIfStarted } from './support/standalone.ts';
import { ms, summarise } from './support/stats.ts';

/** Steps (HTTP requests; three per cash-out) of the long run that watches memory. The 100,000 is `BENCH_STEPS=100000`. */
const longSteps = Number(process.env.BENCH_STEPS ?? 24_000);
const loadConnections = Number(process.env.BENCH_CONNECTIONS ?? 16);
/** Cash-outs per short throughput run, side by side for every target. */
const throughputCashouts = 1_008;
const memorySamples = 5;
/** Cash-outs one at a time, for latency without queueing: warm-up, then measured rounds alternating the targets. */
const warmupCashouts = 100;
const latencyCashouts = 300;
const latencyRounds = 2;
/** A RAM-backed directory: with it the SQLite file's fsyncs cost nothing and the server's own CPU time shows. */
const ramDisk = '/dev/shm';

/** Runs `steps` in equal chunks, reading the child's memory (after a GC) and the throughput after each. */
async function loadWithMemory(target: Target, steps: number): Promise<{ result: LoadResult; trace: MemoryTrace }> {
  const chunkCashouts = Math.max(loadConnections, Math.round(steps / 3 / memorySamples / loadConnections) * loadConnections);
  const start = await target.child.memory();
  const trace: MemoryTrace = { afterSteps: [0], heapUsed: [start.heapUsed], rss: [start.rss], stepsPerSecond: [] };
  const results: LoadResult[] = [];
  for (let chunk = 0; chunk < memorySamples; chunk++) {
    const result = await cashouts(target, chunkCashouts, loadConnections);
    results.push(result);
    const usage = await target.child.memory();
    trace.afterSteps.push((trace.afterSteps.at(-1) ?? 0) + okSteps(result));
    trace.heapUsed.push(usage.heapUsed);
    trace.rss.push(usage.rss);
    trace.stepsPerSecond.push(stepsPerSecond(result));
  }
  return { result: merge(results), trace };
}

export async function runServerBench(): Promise<ResultRow[]> {
  const targets: Target[] = [];
  try {
    const client = { clientId: 'bench-client', macKey: randomBytes(24).toString('base64url') };
    const wallet = await walletTarget(client);
    targets.push(wallet);
    const disk = await kasaTarget('Kasa, SQLite on disk', undefined);
    targets.push(disk);
    const ram = existsSync(ramDisk) ? await kasaTarget('Kasa, SQLite in RAM', ramDisk) : undefined;
    if (ram) targets.push(ram);
    // Demo mode runs the simulator in Kasa's own process; in production Paysera is remote.
    const live = await kasaTarget('Kasa live, disk', undefined, { walletOrigin: wallet.url, client });
    targets.push(live);
    const kasas = ram ? [disk, ram, live] : [disk, live];

    for (const target of targets) await cashouts(target, warmupCashouts, 1);
    const serialRounds = new Map<Target, LoadResult[]>(targets.map((target) => [target, []]));
    for (let round = 0; round < latencyRounds; round++) {
      for (const target of targets) serialRounds.get(target)?.push(await cashouts(target, latencyCashouts, 1));
    }
    const serial = new Map([...serialRounds].map(([target, results]) => [target, merge(results)]));
    const loaded = new Map<Target, LoadResult>();
    for (const target of targets) loaded.set(target, await cashouts(target, throughputCashouts, loadConnections));
    const long = await loadWithMemory(disk, longSteps);
    const walletLong = await loadWithMemory(wallet, longSteps);

    console.log(`server: one request at a time (${latencyRounds * latencyCashouts} cash-outs each)`);
    for (const target of targets) console.log(stepLine(target.label, serial.get(target) ?? merge([])));
    console.log(`server: ${loadConnections} connections (${throughputCashouts} cash-outs each)`);
    for (const target of targets) console.log(stepLine(target.label, loaded.get(target) ?? merge([])));
    console.log(`server: ${loadConnections} connections, long run`);
    console.log(stepLine(disk.label, long.result));
    console.log(stepLine(wallet.label, walletLong.result));
    console.log(describeTrace(disk.label, long.trace));
    console.log(describeTrace(wallet.label, walletLong.trace));

    const walletSerial = serial.get(wallet) ?? merge([]);
    const rows: ResultRow[] = [];
    for (const name of stepNames) {
      const direct = summarise(walletSerial.steps[name]?.latencies ?? []);
      const via = kasas.map((kasa) => ({ kasa, stats: summarise(serial.get(kasa)?.steps[name]?.latencies ?? []) }));
      rows.push({
        benchmark: 'server',
        metric: `${name}, serial p50 / p99: ${[...kasas.map((kasa) => kasa.label), wallet.label].join(' · ')}`,
        value: [...via.map(({ stats }) => stats), direct].map((stats) => `${ms(stats.median, 2)} / ${ms(stats.p99, 1)}`).join(' · '),
      });
      for (const { kasa, stats } of via) {
        const overhead = stats.median - direct.median;
        rows.push({
          benchmark: 'server',
          metric: `${name}: overhead per Wallet call, p50 (${kasa.label})`,
          value: `${ms(overhead, 2)} (×${(stats.median / direct.median).toFixed(1)})`,
          measured: overhead,
          target: { comparison: 'at most', limit: 2, unit: 'ms' },
        });
      }
    }
    for (const target of targets) {
      const result = loaded.get(target) ?? merge([]);
      const isKasa = target !== wallet;
      rows.push({
        benchmark: 'server',
        metric: `throughput, ${loadConnections} connections: ${target.label}`,
        value: `${stepsPerSecond(result).toFixed(0)} steps/s = ${(stepsPerSecond(result) / 3).toFixed(0)} cash-outs/s; failures: ${failures(result)}`,
        ...(isKasa && { measured: stepsPerSecond(result), target: { comparison: 'at least', limit: 1000, unit: 'steps/s' } }),
      });
    }
    for (const name of stepNames) {
      const stats = summarise(long.result.steps[name]?.latencies ?? []);
      rows.push({ benchmark: 'server', metric: `${name} under load, p50 / p99 (${disk.label}, long run)`, value: `${ms(stats.median, 1)} / ${ms(stats.p99, 1)}` });
    }
    rows.push(...memoryRows(long.trace, walletLong.trace));
    return rows;
  } finally {
    for (const target of targets) await target.child.close();
  }
}

await runIfStarted(import.meta.url, runServerBench);
