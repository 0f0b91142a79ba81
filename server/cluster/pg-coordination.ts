import pg from 'pg';
import type { CashoutLog } from '../cashout/context.ts';
import type { Coordination } from './coordination.ts';
import { createPgCashoutLock } from './pg-cashout-lock.ts';
import { createPgRateLimiter } from './pg-rate-limiter.ts';
import { createPgSweeperTurn } from './pg-sweeper-turn.ts';

/** Connections of the pool kept from the cash-out locks: one for the sweeper's turn, one at least for the throttles' short transactions. */
const keptFromLocks = 2;
const defaultPoolMax = 10;

/**
 * The coordination of several instances on one PostgreSQL database, on a pool of its own:
 * a cash-out lock holds its connection for the length of a step (Wallet calls included), so on
 * the store's pool the locks would take the connections the step's own queries wait for.
 */
export function createPgCoordination(pool: pg.Pool, log: Pick<CashoutLog, 'warn' | 'error'>): Coordination {
  const max = pool.options.max ?? defaultPoolMax;
  if (max <= keptFromLocks) throw new RangeError(`the coordination pool needs more than ${keptFromLocks} connections`);
  const sweeperTurn = createPgSweeperTurn(pool, (error) => log.warn({ err: error }, "the sweeper's turn was lost with its database connection"));
  return {
    cashoutLock: createPgCashoutLock(pool, {
      maxHeld: max - keptFromLocks,
      onLeaseLost: (key, error) =>
        log.error({ lock: key, err: error }, 'a cash-out lock was lost with its database connection while its step ran; another instance may take the cash-out over'),
    }),
    rateLimiter: (scope, options) =>
      createPgRateLimiter(pool, scope, {
        ...options,
        onSettleError: (error) => log.warn({ throttle: scope, err: error }, 'a throttled attempt could not be settled; its lease ends its count'),
      }),
    sweeperTurn,
    close: () => sweeperTurn.release(),
  };
}

/**
 * The coordination on a pool of its own, opened here and ended by `close()`. Keepalive lets an
 * idle lock connection notice a database that vanished; a connection that dies while idle in the
 * pool is logged, not left to end the process.
 */
export function openPgCoordination(connectionString: string, log: Pick<CashoutLog, 'warn' | 'error'>): Coordination {
  const pool = new pg.Pool({ connectionString, max: 12, keepAlive: true, keepAliveInitialDelayMillis: 10_000, connectionTimeoutMillis: 5_000 });
  pool.on('error', (error) => log.warn({ err: error }, 'an idle coordination connection to the database was lost'));
  const coordination = createPgCoordination(pool, log);
  return {
    ...coordination,
    async close() {
      await coordination.close();
      await pool.end();
    },
  };
}
