import type pg from 'pg';
import { asUnavailable, connectTo } from './pg-access.ts';

/**
 * Server-side keepalive on a lease's connection: PostgreSQL probes a silent client after `idleSeconds`,
 * then `count` times `intervalSeconds` apart, and gives unacknowledged data as long, before it ends
 * the session and so frees its advisory locks.
 */
export const leaseKeepalive = { idleSeconds: 10, intervalSeconds: 5, count: 3 } as const;

/**
 * How long a lease outlives a holder whose host vanished (power cut, network gone): 25 s. A holder
 * whose process dies is noticed at once, as its operating system closes the connection.
 */
export const vanishedHolderBoundMs = (leaseKeepalive.idleSeconds + leaseKeepalive.count * leaseKeepalive.intervalSeconds) * 1000;
const keepaliveSql = [
  `SET tcp_keepalives_idle = ${leaseKeepalive.idleSeconds}`,
  `SET tcp_keepalives_interval = ${leaseKeepalive.intervalSeconds}`,
  `SET tcp_keepalives_count = ${leaseKeepalive.count}`,
  `SET tcp_user_timeout = ${vanishedHolderBoundMs}`,
].join('; ');
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
