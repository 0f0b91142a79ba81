import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPgDatabase, type PgTestDatabase } from './pg-database.ts';

describe('the throwaway PostgreSQL cluster', () => {
  let database: PgTestDatabase;
  beforeAll(async () => {
    database = await freshPgDatabase();
  });
  afterAll(() => database.drop());

  it('serves a fresh database on loopback that keeps what is written', async () => {
    expect(new URL(database.url).hostname).toBe('127.0.0.1');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('CREATE TABLE t (cents bigint NOT NULL)');
      await client.query('INSERT INTO t VALUES ($1)', ['1999']);
      const { rows } = await client.query<{ cents: string }>('SELECT cents FROM t');
      expect(rows).toEqual([{ cents: '1999' }]);
    } finally {
      await client.end();
    }
  });
});
