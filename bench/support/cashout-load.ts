import { issueCodes } from './codes.ts';
import { type LoadResult, runSequence, type SequenceStep } from './load.ts';
import { kasaCashout, walletCashout } from './sequences.ts';
import { type ServerChild, startServerChild } from './server-child.ts';
import { ms, summarise } from './stats.ts';

/** What the server benchmarks share: targets to drive cash-outs through, and how their figures are read. */

export const stepNames = ['create', 'reserve', 'confirm'] as const;

export interface Target {
  label: string;
  child: ServerChild;
  url: string;
  headers?: Record<string, string>;
  sequence(codes: string[]): SequenceStep[];
}

export interface WalletClientKeys {
  clientId: string;
  macKey: string;
}

export async function signIn(origin: string, cashier: { username: string; password: string }): Promise<string> {
  const response = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(cashier),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`sign-in failed: HTTP ${response.status}`);
  return cookie;
}

/** A target driving the Kasa API at `child` (a Kasa child, or a balancer in front of some) as `cashier`. */
export async function kasaApiTarget(label: string, child: ServerChild, cashier = child.info.cashier): Promise<Target> {
  if (!cashier) throw new Error('the Kasa child reported no cashier');
  const url = child.info.origin;
  const cookie = await signIn(url, cashier);
  return { label, child, url, headers: { cookie, origin: url, 'content-type': 'application/json' }, sequence: kasaCashout };
}

export async function kasaTarget(label: string, dataParent: string | undefined, live?: { walletOrigin: string; client: WalletClientKeys }): Promise<Target> {
  const env: Record<string, string> = dataParent === undefined ? {} : { BENCH_DATA_PARENT: dataParent };
  const child = live
    ? await startServerChild('kasa-live', { ...env, BENCH_WALLET_ORIGIN: live.walletOrigin, BENCH_CLIENT_ID: live.client.clientId, BENCH_MAC_KEY: live.client.macKey })
    : await startServerChild('kasa', env);
  return kasaApiTarget(label, child);
}

export async function walletTarget(client: WalletClientKeys): Promise<Target> {
  const child = await startServerChild('simulator', { BENCH_CLIENT_ID: client.clientId, BENCH_MAC_KEY: client.macKey });
  const { origin } = child.info;
  return { label: 'Wallet call alone', child, url: origin, sequence: (codes) => walletCashout(origin, client, codes) };
}

export async function cashouts(target: Target, count: number, connections: number): Promise<LoadResult> {
  const codes = await issueCodes(target.child.info.simulatorOrigin, count + connections);
  return runSequence({
    url: target.url,
    connections,
    amount: count * 3,
    ...(target.headers && { headers: target.headers }),
    sequence: target.sequence(codes),
  });
}

export function merge(results: readonly LoadResult[]): LoadResult {
  const merged: LoadResult = { steps: {}, durationSeconds: 0, errors: 0 };
  for (const result of results) {
    merged.durationSeconds += result.durationSeconds;
    merged.errors += result.errors;
    for (const [name, figures] of Object.entries(result.steps)) {
      const into = merged.steps[name] ?? { latencies: [], statuses: {}, refusals: {} };
      merged.steps[name] = into;
      into.latencies.push(...figures.latencies);
      for (const [status, count] of Object.entries(figures.statuses)) into.statuses[Number(status)] = (into.statuses[Number(status)] ?? 0) + count;
      into.refusals = { ...figures.refusals, ...into.refusals };
    }
  }
  return merged;
}

export const okSteps = (result: LoadResult): number => Object.values(result.steps).reduce((sum, figures) => sum + figures.latencies.length, 0);
export const stepsPerSecond = (result: LoadResult): number => okSteps(result) / result.durationSeconds;

export function failures(result: LoadResult, withBodies = false): string {
  const bad = Object.entries(result.steps).flatMap(([name, figures]) =>
    Object.entries(figures.statuses)
      .filter(([status]) => Number(status) >= 300)
      .map(([status, count]) => `${name} ${status}×${count}${withBodies ? ` ${figures.refusals[Number(status)] ?? ''}` : ''}`),
  );
  if (result.errors > 0) bad.push(`connection errors ×${result.errors}`);
  return bad.length === 0 ? 'none' : bad.join(', ');
}

export function stepLine(label: string, result: LoadResult): string {
  const parts = stepNames.map((name) => {
    const stats = summarise(result.steps[name]?.latencies ?? []);
    return `${name} p50 ${ms(stats.median, 2)} p99 ${ms(stats.p99, 2)}`;
  });
  return `  ${label.padEnd(22)} ${parts.join(' · ')} · ${stepsPerSecond(result).toFixed(0)} steps/s · failures: ${failures(result, true)}`;
}

