import type pg from 'pg';
import { asUnavailable, connectTo } from './pg-access.ts';

/**
 * How long PostgreSQL takes at most to notice that the host holding a lease vanished (power cut,
 * network gone) and end its session, which frees the session's advisory locks: 10 s idle, then
 * three probes 5 s apart; 25 s for unacknowledged data. A holder whose process dies is noticed at
 * once, as its operating system closes the connection.
 */
export const vanishedHolderBoundMs = 25_000;
const keepaliveSql = 'SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3; SET tcp_user_timeout = 25000';
const configured = new WeakSet<pg.PoolClient>();

/** A pooled connection held for as long as the session advisory locks taken on it. */
export interface LeaseConnection {
  query(text: string, values: unknown[]): Promise<pg.QueryResult>;
  /** Whether the connection died while held: the locks on it are then gone. */
  readonly lost: boolean;
  /** Returns the connection to the pool, or discards it if it is lost or `broken`. */
  release(broken?: boolean): void;
}

export async function leaseConnection(pool: pg.Pool, onLost: (error: Error) => void): Promise<LeaseConnection> {
  const client = await connectTo(pool);
  let lostWith: Error | undefined;
  const onError = (error: Error) => {
    if (lostWith !== undefined) return;
    lostWith = error;
    onLost(error);
  };
  client.on('error', onError);
  const query = async (text: string, values: unknown[] = []) => {
    try {
      return await client.query(text, values);
    } catch (error) {
      if (lostWith === undefined && asUnavailable(error) !== error) lostWith = error as Error;
      throw asUnavailable(error);
    }
  };
  try {
    if (!configured.has(client)) {
      await query(keepaliveSql);
      configured.add(client);
    }
  } catch (error) {
    client.removeListener('error', onError);
    client.release(true);
    throw error;
  }
  return {
    query,
    get lost() {
      return lostWith !== undefined;
    },
    release(broken = false) {
      client.removeListener('error', onError);
      client.release(lostWith ?? (broken ? new Error('lease connection left in an unknown state') : undefined));
    },
  };
}
