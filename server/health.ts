import { performance } from 'node:perf_hooks';
import type { HealthResponse } from '../shared/api.ts';
import type { Store } from './store/types.ts';
import type { WalletClient } from './wallet/types.ts';

export interface HealthCheckOptions {
  /** How long one answer from Paysera and one from the database stand for all callers; default 5 s. */
  cacheMs?: number;
  now?: () => number;
}

type DatabaseHealth = HealthResponse['database'];

/**
 * One probe's answer shared by every caller until it is `cacheMs` old, and one probe in flight at
 * a time: the health route needs no session, so without this anyone could make Kasa call Paysera
 * or its database at will.
 */
function sharedProbe<T>(probe: () => Promise<T>, cacheMs: number, now: () => number): () => Promise<T> {
  let current: { answer: Promise<T>; settledAt: number | null } | null = null;
  return () => {
    if (current === null || (current.settledAt !== null && now() - current.settledAt >= cacheMs)) {
      const started = { answer: probe(), settledAt: null as number | null };
      void started.answer.then(() => {
        started.settledAt = now();
      });
      current = started;
    }
    return current.answer;
  };
}

/** Any failure counts as unreachable: a closed or broken connection is as unusable as a refused one. */
async function probeDatabase(store: Pick<Store, 'ping'>): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    await store.ping();
    return { reachable: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch {
    return { reachable: false, latencyMs: null };
  }
}

/**
 * Paysera's reachability from the cheapest Wallet call there is (the unauthenticated server
 * time) and the database's from one round trip, each cached on its own.
 */
export function createHealthCheck(
  wallet: Pick<WalletClient, 'getServerTime' | 'clockOffsetSeconds'>,
  store: Pick<Store, 'ping'>,
  mode: HealthResponse['mode'],
  options: HealthCheckOptions = {},
): () => Promise<HealthResponse> {
  const cacheMs = options.cacheMs ?? 5_000;
  const now = options.now ?? Date.now;
  const walletReachable = sharedProbe(
    () => wallet.getServerTime().then(() => true, () => false),
    cacheMs,
    now,
  );
  const database = sharedProbe(() => probeDatabase(store), cacheMs, now);

  return async () => {
    const [reachable, db] = await Promise.all([walletReachable(), database()]);
    return {
      ok: reachable && db.reachable,
      mode,
      wallet: { reachable, clockOffsetSeconds: wallet.clockOffsetSeconds() },
      database: db,
    };
  };
}
