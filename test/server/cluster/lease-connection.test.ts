import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { leaseConnection, vanishedHolderBoundMs } from '../../../server/cluster/lease-connection.ts';
import { testPool, type TwoPools, twoPools } from './two-pools.ts';

let pools: TwoPools;

beforeAll(async () => {
  pools = await twoPools();
});

afterAll(async () => {
  await pools?.close();
});

describe('leaseConnection', () => {
  it('has PostgreSQL end the session of a vanished holder within the stated bound', async () => {
    expect(vanishedHolderBoundMs).toBe(25_000);
    const connection = await leaseConnection(pools.a, () => {});
    try {
      const setting = async (name: string) => (await connection.query(`SELECT current_setting('${name}') AS value`, [])).rows[0]?.value;
      expect(await setting('tcp_keepalives_idle')).toBe('10');
      expect(await setting('tcp_keepalives_interval')).toBe('5');
      expect(await setting('tcp_keepalives_count')).toBe('3');
      expect(await setting('tcp_user_timeout')).toBe('25000');
    } finally {
      connection.release();
    }
  });

  it('reports a connection that dies while held, and discards it instead of returning it to the pool', async () => {
    const pool = testPool({ connectionString: pools.url, max: 1 });
    try {
      const lost: Error[] = [];
      const connection = await leaseConnection(pool, (error) => lost.push(error));
      const pid = (await connection.query('SELECT pg_backend_pid() AS pid', [])).rows[0]?.pid;
      await pools.a.query('SELECT pg_terminate_backend($1, 10000)', [pid]);
      await vi.waitFor(() => expect(lost.length).toBe(1));
      expect(connection.lost).toBe(true);
      connection.release();
      expect(pool.totalCount).toBe(0);
      const next = await leaseConnection(pool, () => {});
      expect((await next.query('SELECT pg_backend_pid() AS pid', [])).rows[0]?.pid).not.toBe(pid);
      next.release();
    } finally {
      await pool.end();
    }
  });
});
