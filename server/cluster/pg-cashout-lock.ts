import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import { createKeyedLock, type KeyedLock } from '../cashout/lock.ts';
import { type LeaseConnection, leaseConnection } from './lease-connection.ts';
import { lockSpaces } from './lock-spaces.ts';
import { createSlots } from './slots.ts';

export interface PgCashoutLockOptions {
  /** Connections of `pool` this lock may hold at once; the others stay free for short queries and the sweeper's turn. */
  maxHeld: number;
  onLeaseLost?: (key: string, error: Error) => void;
}

interface Holding {
  connection: LeaseConnection;
  active: boolean;
  unlockFailed: boolean;
}

/**
 * The per-cash-out lock of `createKeyedLock`, held across instances (design §3.2): a session
 * advisory lock on a pooled connection kept for the task's duration.
 *
 * Chosen over a lease row with an expiry because PostgreSQL itself frees the lock when the
 * holder's session ends: a holder that crashed frees it at once, one whose host vanished within
 * `vanishedHolderBoundMs` (server-side keepalive), and a holder that is merely slow (a Wallet call
 * near its timeout, a pause) keeps it, where a lease row would expire under it and let a second
 * instance write while the first's call is still in flight. No renewal timer, no clock skew.
 *
 * The in-process queue stays in front, so an instance holds at most one connection per cash-out
 * and waiters of one instance do not each take a connection. A lock taken inside a held task (the
 * cashier's lock inside a cash-out's, around a create's checks) is taken on the same connection, so
 * nesting never waits for a second connection, and `maxHeld` keeps the pool from being drained by
 * holders whose tasks need it for their own short queries.
 */
export function createPgCashoutLock(pool: pg.Pool, options: PgCashoutLockOptions): KeyedLock {
  const local = createKeyedLock();
  const slots = createSlots(options.maxHeld);
  const holding = new AsyncLocalStorage<Holding>();

  async function holdOn<T>(held: Holding, key: string, task: () => Promise<T>): Promise<T> {
    await held.connection.query('SELECT pg_advisory_lock($1, hashtext($2))', [lockSpaces.cashout, key]);
    try {
      return await task();
    } finally {
      if (!held.connection.lost) {
        // The task's own outcome is the answer; a failed unlock only means the session is closed, which frees the lock.
        await held.connection.query('SELECT pg_advisory_unlock($1, hashtext($2))', [lockSpaces.cashout, key]).catch(() => {
          held.unlockFailed = true;
        });
      }
    }
  }

  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      return local.run(key, async () => {
        const outer = holding.getStore();
        if (outer?.active) return holdOn(outer, key, task);
        return slots.use(async () => {
          const connection = await leaseConnection(pool, (error) => options.onLeaseLost?.(key, error));
          const held: Holding = { connection, active: true, unlockFailed: false };
          try {
            return await holding.run(held, () => holdOn(held, key, task));
          } finally {
            held.active = false;
            connection.release(held.unlockFailed);
          }
        });
      });
    },
  };
}
