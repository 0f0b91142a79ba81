import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migratePg, pgMigrations } from '../../../../server/store/postgres/migrations.ts';
import { openPool } from '../../../../server/store/postgres/pool.ts';
import { openPostgresStore } from '../../../../server/store/postgres/store.ts';
import type { Store } from '../../../../server/store/types.ts';
import { freshPgDatabase, type PgTestDatabase } from '../../../support/pg-database.ts';
import { runPgSql } from '../../../support/pg-tables.ts';

const auditKey = 'audit-key-for-migration-tests-0123456789';
let database: PgTestDatabase;

beforeEach(async () => {
  database = await freshPgDatabase();
});

afterEach(async () => {
  await database.drop();
});

const versions = async () => (await runPgSql(database.url, 'SELECT version FROM kasa_schema_version ORDER BY version')).map((row) => row.version as number);

describe('PostgreSQL migrations', () => {
  it('migrate once when several instances start at the same moment on an empty database', async () => {
    const opened = await Promise.allSettled(Array.from({ length: 4 }, () => openPostgresStore({ url: database.url, auditKey })));
    const stores = opened.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    try {
      expect(opened.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
      expect(await versions()).toEqual(pgMigrations.map((_, index) => index + 1));
      await stores[0]?.appendAudit({ actor: 'system', action: 'server.start', outcome: 'ok' });
      expect(await stores[3]?.verifyAudit()).toMatchObject({ ok: true, count: 1 });
    } finally {
      await Promise.all(stores.map((store: Store) => store.close()));
    }
  });

  it('applies only a step appended to the list, once, when the database already has the others', async () => {
    await (await openPostgresStore({ url: database.url, auditKey })).close();
    const pool = openPool(database.url);
    try {
      const withOneMore = [...pgMigrations, 'CREATE TABLE appended_step (id integer PRIMARY KEY)'];
      await Promise.all([migratePg(pool, withOneMore), migratePg(pool, withOneMore)]);
      expect(await versions()).toEqual(withOneMore.map((_, index) => index + 1));
      expect(await runPgSql(database.url, 'SELECT count(*)::int AS n FROM appended_step')).toEqual([{ n: 0 }]);
    } finally {
      await pool.end();
    }
  });

  it('brings a database of the schema before the cash desk up to date, its cash-outs paid out in no shift', async () => {
    const pool = openPool(database.url);
    try {
      await migratePg(pool, pgMigrations.slice(0, -1));
    } finally {
      await pool.end();
    }
    await runPgSql(
      database.url,
      "INSERT INTO cashouts (id, status, amount_cents, currency, transaction_key, created_at, cashier, confirmed_at, updated_at) VALUES ('old', 'confirmed', 4200, 'EUR', 'tk-old', 10, 'anna', 20, 20)",
    );
    const store = await openPostgresStore({ url: database.url, auditKey });
    try {
      expect(await versions()).toEqual(pgMigrations.map((_, index) => index + 1));
      expect(await store.getCashout('old')).toMatchObject({ status: 'confirmed', amountCents: 4200, shiftId: null, payseraLocationId: null });
      expect(await store.listShiftCashouts('any')).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('refuses a database migrated by a newer Kasa', async () => {
    await (await openPostgresStore({ url: database.url, auditKey })).close();
    await runPgSql(database.url, `INSERT INTO kasa_schema_version (version, applied_at) VALUES (${pgMigrations.length + 1}, 0)`);
    await expect(openPostgresStore({ url: database.url, auditKey })).rejects.toThrow(/newer than this Kasa/);
  });

  it('rolls a failing step back whole and records no version for it', async () => {
    const pool = openPool(database.url);
    try {
      await expect(migratePg(pool, [...pgMigrations, 'CREATE TABLE half_done (id integer); SELECT no_such_function()'])).rejects.toThrow(/no_such_function/);
      expect(await versions()).toEqual(pgMigrations.map((_, index) => index + 1));
      expect(await runPgSql(database.url, "SELECT to_regclass('half_done') IS NULL AS absent")).toEqual([{ absent: true }]);
    } finally {
      await pool.end();
    }
  });

  it('keeps every cents and time column an integer type and has no column for a reservation code', async () => {
    await (await openPostgresStore({ url: database.url, auditKey })).close();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
        "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'",
      );
      const moneyOrTime = rows.filter((row) => /cents|_at$|^at$|^seq$/.test(row.column_name));
      expect(moneyOrTime.length).toBeGreaterThan(8);
      for (const row of moneyOrTime) expect(`${row.table_name}.${row.column_name} ${row.data_type}`).toMatch(/ bigint$/);
      expect(rows.filter((row) => /code/.test(row.column_name)).map((row) => row.column_name)).toEqual(['error_code']);
    } finally {
      await client.end();
    }
  });
});
