import type pg from 'pg';
import type { SweeperTurn } from '../cashout/sweeper.ts';
import { type LeaseConnection, leaseConnection } from './lease-connection.ts';
import { lockSpaces } from './lock-spaces.ts';

const turnKey = 0;

/**
 * The sweeper's turn across instances (design §3.2): a session advisory lock, tried before each
 * sweep and kept on its connection while this instance holds it. When the holder dies its session
 * ends and frees the lock, so the next instance to try (each tries once per sweep interval) takes
 * over within one interval; `vanishedHolderBoundMs` more if the holder's host vanished. Two sweeps
 * at once for a moment would still be safe: every cash-out is swept under its own lock.
 */
export function createPgSweeperTurn(pool: pg.Pool, onLost?: (error: Error) => void): SweeperTurn {
  let held: LeaseConnection | undefined;

  async function stillHeld(): Promise<boolean> {
    if (!held) return false;
    if (!held.lost) {
      try {
        await held.query('SELECT 1', []);
        return true;
      } catch {
        // The connection is gone and the lock with it; another instance may have taken the turn.
      }
    }
    held.release(true);
    held = undefined;
    return false;
  }

  return {
    async isMine() {
      if (await stillHeld()) return true;
      const connection = await leaseConnection(pool, (error) => onLost?.(error));
      try {
        const { rows } = await connection.query('SELECT pg_try_advisory_lock($1, $2) AS mine', [lockSpaces.sweeperTurn, turnKey]);
        if (rows[0]?.mine === true) {
          held = connection;
          return true;
        }
        connection.release();
        return false;
      } catch (error) {
        connection.release(true);
        throw error;
      }
    },
    async release() {
      const connection = held;
      held = undefined;
      if (!connection) return;
      const unlocked = await connection.query('SELECT pg_advisory_unlock($1, $2)', [lockSpaces.sweeperTurn, turnKey]).then(
        () => true,
        () => false,
      );
      connection.release(!unlocked);
    },
  };
}
