import type { HealthResponse } from '../shared/api.ts';
import type { WalletClient } from './wallet/types.ts';

export interface HealthCheckOptions {
  /** How long one answer from Paysera stands for all callers; default 5 s. */
  cacheMs?: number;
  now?: () => number;
}

/**
 * Reachability from the cheapest Wallet call there is: the unauthenticated server time. The
 * route needs no session, so without the cache anyone could make Kasa call Paysera at will;
 * callers share one answer, and one call in flight.
 */
export function createHealthCheck(
  wallet: Pick<WalletClient, 'getServerTime' | 'clockOffsetSeconds'>,
  mode: HealthResponse['mode'],
  options: HealthCheckOptions = {},
): () => Promise<HealthResponse> {
  const cacheMs = options.cacheMs ?? 5_000;
  const now = options.now ?? Date.now;
  let probe: { reachable: Promise<boolean>; settledAt: number | null } | null = null;

  const startProbe = () => {
    const started = {
      settledAt: null as number | null,
      reachable: wallet.getServerTime().then(
        () => true,
        () => false,
      ),
    };
    void started.reachable.then(() => {
      started.settledAt = now();
    });
    return started;
  };

  return async () => {
    if (probe === null || (probe.settledAt !== null && now() - probe.settledAt >= cacheMs)) probe = startProbe();
    const reachable = await probe.reachable;
    return { ok: reachable, mode, wallet: { reachable, clockOffsetSeconds: wallet.clockOffsetSeconds() } };
  };
}
