import type pg from 'pg';
import { StoreUnavailableError } from '../store/errors.ts';

/**
 * Whether `error` means the database could not be reached or dropped the connection: a socket's
 * system error (ECONNREFUSED, ECONNRESET…), the driver's own connection errors, which carry no
 * SQLSTATE, or the server's class 08 (connection exception) and 57P01–57P03 (shutting down).
 */
export function isConnectionLoss(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return true;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code);
  return /connection terminated|not queryable|timeout exceeded when trying to connect|connection error/i.test(error.message);
}

/** A lost database becomes the one error the HTTP layer answers DATABASE_UNAVAILABLE to; anything else is a bug and stays as it is. */
export function asUnavailable(error: unknown): unknown {
  return isConnectionLoss(error) ? new StoreUnavailableError({ cause: error }) : error;
}

export async function connectTo(pool: pg.Pool): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    throw new StoreUnavailableError({ cause: error });
  }
}

/** Runs `work` in one transaction on a pooled connection; a connection that failed is discarded, not returned to the pool. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await connectTo(pool);
  // A connection lost while checked out reports here rather than crashing the process; the query that hit it fails too.
  const ignore = () => {};
  client.on('error', ignore);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    await client.query('ROLLBACK').catch(() => undefined);
    throw asUnavailable(error);
  } finally {
    client.removeListener('error', ignore);
    client.release(broken !== undefined && isConnectionLoss(broken) ? broken : undefined);
  }
}
