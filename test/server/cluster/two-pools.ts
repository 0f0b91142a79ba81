import pg from 'pg';
import { migratePg } from '../../../server/store/postgres/migrations.ts';
import { freshPgDatabase } from '../../support/pg-database.ts';

export interface TwoPools {
  url: string;
  /** Two pools on one fresh database, standing for two Kasa instances. */
  a: pg.Pool;
  b: pg.Pool;
  close(): Promise<void>;
}

/**
 * A pool reports a connection that dies while idle (a killed backend, the database dropped at the
 * end) as an 'error' event, which without a listener would end the test process.
 */
export function testPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', () => {});
  return pool;
}

export async function twoPools(): Promise<TwoPools> {
  const database = await freshPgDatabase();
  const a = testPool({ connectionString: database.url });
  const b = testPool({ connectionString: database.url });
  // The schema as the store ships it: the cluster's tables are one of its steps.
  await migratePg(a);
  return {
    url: database.url,
    a,
    b,
    async close() {
      await a.end();
      await b.end();
      await database.drop();
    },
  };
}
