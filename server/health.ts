import type { HealthResponse } from '../shared/api.ts';
import type { WalletClient } from './wallet/types.ts';

/** Reachability from the cheapest Wallet call there is: the unauthenticated server time. */
export function createHealthCheck(wallet: WalletClient, mode: HealthResponse['mode']): () => Promise<HealthResponse> {
  return async () => {
    let reachable = true;
    try {
      await wallet.getServerTime();
    } catch {
      reachable = false;
    }
    return { ok: reachable, mode, wallet: { reachable, clockOffsetSeconds: wallet.clockOffsetSeconds() } };
  };
}
