import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openPostgresStore } from '../../../server/store/postgres/store.ts';
import { openSqliteStore } from '../../../server/store/sqlite.ts';
import type { Store } from '../../../server/store/types.ts';
import { freshPgDatabase, type PgTestDatabase } from '../../support/pg-database.ts';
import { emptyPgTables, pgDump } from '../../support/pg-tables.ts';

/**
 * The store under the workflow tests. Each workflow test file runs once per kind, through
 * `describe.each(harnessStores)` and `useHarnessStore`: SQLite in a temp dir per harness, or one
 * PostgreSQL database per file, emptied for each harness.
 */
export interface OpenedStore {
  store: Store;
  /** Everything the store keeps, as text: the files of the data dir, or every row of every table. */
  keptText(): Promise<string>;
  /** After the store is closed. */
  remove(): Promise<void>;
}

export interface HarnessStore {
  name: 'sqlite' | 'postgres';
  setUp(): Promise<void>;
  open(): Promise<OpenedStore>;
  tearDown(): Promise<void>;
}

const auditKey = 'audit-key-for-workflow-tests-0123456789';

const sqlite: HarnessStore = {
  name: 'sqlite',
  async setUp() {},
  async open() {
    const dataDir = mkdtempSync(join(tmpdir(), 'kasa-cashout-'));
    return {
      store: openSqliteStore({ dataDir }),
      async keptText() {
        return readdirSync(dataDir)
          .map((name) => readFileSync(join(dataDir, name)).toString('latin1'))
          .join('\n');
      },
      async remove() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
  async tearDown() {},
};

function postgres(): HarnessStore {
  let database: PgTestDatabase | null = null;
  return {
    name: 'postgres',
    async setUp() {
      database = await freshPgDatabase();
    },
    async open() {
      if (!database) throw new Error('setUp() first');
      const { url } = database;
      await emptyPgTables(url);
      return {
        store: await openPostgresStore({ url, auditKey }),
        keptText: () => pgDump(url),
        async remove() {},
      };
    },
    async tearDown() {
      await database?.drop();
      database = null;
    },
  };
}

export const harnessStores: readonly HarnessStore[] = [sqlite, postgres()];

let current: HarnessStore = sqlite;

/** The store the harnesses of the enclosing describe block run on. */
export function useHarnessStore(choice: HarnessStore): void {
  beforeAll(async () => {
    await choice.setUp();
    current = choice;
  });
  afterAll(async () => {
    current = sqlite;
    await choice.tearDown();
  });
}

export function openHarnessStore(): Promise<OpenedStore> {
  return current.open();
}
