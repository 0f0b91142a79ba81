import pg from 'pg';
import { StoreUnavailableError } from '../errors.ts';
import { translated } from './unavailable.ts';

const int8Oid = 20;

/** Cents, times and sequence numbers are bigint columns; past 2^53 a JavaScript number would silently round. */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`The database returned ${text}, beyond the integers JavaScript holds exactly.`);
  return value;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === int8Oid ? parseInt8 : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export interface PoolOptions {
  /** Connections this instance keeps at most; several instances share the server's max_connections. */
  max?: number;
  /** How long a request waits for a connection before it is answered DATABASE_UNAVAILABLE. */
  connectionTimeoutMs?: number;
}

export function openPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    types,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    keepAlive: true,
  });
  // An idle connection the server dropped: the pool discards it, and the next query reports the outage.
  pool.on('error', () => undefined);
  return pool;
}

export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/**
 * One statement, on `db`'s open session or on a pooled connection; a lost connection, or one
 * that cannot be made, comes back as StoreUnavailableError.
 */
export async function query<Row extends pg.QueryResultRow>(db: Queryable, text: string, values?: readonly unknown[]): Promise<pg.QueryResult<Row>> {
  if (db instanceof pg.Pool) {
    const client = await connect(db);
    let broken = false;
    try {
      return await query<Row>(client, text, values);
    } catch (error) {
      broken = error instanceof StoreUnavailableError;
      throw error;
    } finally {
      client.release(broken);
    }
  }
  try {
    return await db.query<Row>(text, values as unknown[] | undefined);
  } catch (error) {
    throw translated(error);
  }
}

/** A connection of its own, for work that must stay on one session (a transaction, a session lock). */
export async function connect(pool: pg.Pool): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    // Whatever stops a connection from being made (refused, not accepting, bad password) is an outage to the caller.
    throw new StoreUnavailableError({ cause: error });
  }
}

/** Runs `work` in one transaction: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await connect(pool);
  let broken: unknown;
  try {
    await query(client, 'BEGIN');
    const result = await work(client);
    await query(client, 'COMMIT');
    return result;
  } catch (error) {
    if (error instanceof StoreUnavailableError) broken = error;
    else await client.query('ROLLBACK').catch((rollbackError: unknown) => (broken = rollbackError));
    throw error;
  } finally {
    // A connection that failed mid-transaction is not handed to the next caller.
    client.release(broken !== undefined);
  }
}
