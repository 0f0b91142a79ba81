import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openPostgresStore } from '../../../server/store/postgres/store.ts';
import { openSqliteStore } from '../../../server/store/sqlite.ts';
import type { Store } from '../../../server/store/types.ts';
import { freshPgDatabase, type PgTestDatabase } from '../../support/pg-database.ts';
import { emptyPgTables, runPgSql } from '../../support/pg-tables.ts';

/**
 * One kind of store for the parameterised tests: how to get an empty one for each test and open
 * it (as often as a test likes, as several server processes would), and how to reach its tables
 * directly, the way a tool other than Kasa would.
 */
export interface StoreFactory {
  name: 'sqlite' | 'postgres';
  /** Once per test file. */
  setUp(): Promise<void>;
  /** Before each test: an empty store. */
  reset(): Promise<void>;
  open(now?: () => number): Promise<Store>;
  /** A statement run outside Kasa; rejects with the database's own error. */
  exec(sql: string): Promise<void>;
  /** Removes the database's own guards against changing audit rows, as someone with full access could. */
  dropAuditGuards(): Promise<void>;
  tearDown(): Promise<void>;
}

export const testAuditKey = 'audit-key-for-store-tests-0123456789';

export function sqliteFactory(): StoreFactory {
  let dir = '';
  const drop = () => dir && rmSync(dir, { recursive: true, force: true });
  const withFile = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(join(dir, 'kasa.sqlite'));
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  return {
    name: 'sqlite',
    async setUp() {},
    async reset() {
      drop();
      dir = mkdtempSync(join(tmpdir(), 'kasa-store-'));
    },
    async open(now) {
      return openSqliteStore({ dataDir: dir, auditKey: testAuditKey, ...(now && { now }) });
    },
    async exec(sql) {
      withFile((db) => db.exec(sql));
    },
    async dropAuditGuards() {
      withFile((db) => db.exec('DROP TRIGGER audit_refuses_update; DROP TRIGGER audit_refuses_delete;'));
    },
    async tearDown() {
      drop();
    },
  };
}

export function postgresFactory(): StoreFactory {
  let database: PgTestDatabase | null = null;
  // A test that dropped the audit guards leaves a database no later test should run on.
  let guardsDropped = false;
  const url = () => {
    if (!database) throw new Error('setUp() first');
    return database.url;
  };
  return {
    name: 'postgres',
    async setUp() {
      database = await freshPgDatabase();
    },
    async reset() {
      if (guardsDropped) {
        await database?.drop();
        database = await freshPgDatabase();
        guardsDropped = false;
      }
      await emptyPgTables(url());
    },
    open(now) {
      return openPostgresStore({ url: url(), auditKey: testAuditKey, ...(now && { now }) });
    },
    async exec(sql) {
      await runPgSql(url(), sql);
    },
    async dropAuditGuards() {
      guardsDropped = true;
      await runPgSql(url(), 'DROP TRIGGER audit_refuses_update ON audit');
    },
    async tearDown() {
      await database?.drop();
    },
  };
}

export const storeFactories = [sqliteFactory, postgresFactory] as const;
