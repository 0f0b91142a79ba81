import type { RateLimiterFactory } from '../auth/throttle.ts';
import { createRateLimiter } from '../auth/throttle.ts';
import { createKeyedLock, type KeyedLock } from '../cashout/lock.ts';
import { alwaysMyTurn, type SweeperTurn } from '../cashout/sweeper.ts';

/**
 * What several instances on one database must share (design §3.2): the per-cash-out lock, the
 * throttles' counts and the sweeper's turn. One instance on SQLite shares nothing, and has the
 * in-process versions of the same interfaces.
 */
export interface Coordination {
  cashoutLock: KeyedLock;
  rateLimiter: RateLimiterFactory;
  sweeperTurn: SweeperTurn;
  /** Gives up the sweeper's turn; called once the sweeper and the requests have stopped. */
  close(): Promise<void>;
}

export function createLocalCoordination(): Coordination {
  return {
    cashoutLock: createKeyedLock(),
    rateLimiter: (_scope, options) => createRateLimiter(options),
    sweeperTurn: alwaysMyTurn,
    close: async () => {},
  };
}
