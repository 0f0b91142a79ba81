import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../../../server/auth/accounts.ts';
import { openPostgresStore } from '../../../server/store/postgres/store.ts';
import { openSqliteStore } from '../../../server/store/sqlite.ts';
import type { Store } from '../../../server/store/types.ts';
import { findPgBin } from '../../support/pg-cluster.ts';
import { freshPgDatabase, type PgTestDatabase } from '../../support/pg-database.ts';

/**
 * The backups the README gives, taken while Kasa has its store open: restored, they hold the
 * same rows and an audit chain that verifies under the same key, ending where the original ended.
 */

const auditKey = 'backup-test-audit-key-0123456789abcdef';
const dirs: string[] = [];
const databases: PgTestDatabase[] = [];

afterAll(async () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  for (const database of databases) await database.drop();
});

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kasa-backup-'));
  dirs.push(dir);
  return dir;
}

async function withAccounts(store: Store): Promise<void> {
  const accounts = createAccounts(store);
  await accounts.add('ona', 'cashier', 'backup-password-1');
  await accounts.add('jonas', 'supervisor', 'backup-password-2');
}

describe('backups taken while Kasa runs', () => {
  it('SQLite: the online backup API copies what is still in the WAL, and the copy verifies', async () => {
    const live = freshDir();
    const store = openSqliteStore({ dataDir: live, auditKey });
    await withAccounts(store);
    const original = await store.verifyAudit();
    const copy = freshDir();
    // What `node -e "require('better-sqlite3')(…, { readonly: true }).backup(…)"` does, with the store still open and writing.
    const reader = new Database(join(live, 'kasa.sqlite'), { readonly: true });
    await reader.backup(join(copy, 'kasa.sqlite'));
    reader.close();
    await createAccounts(store).add('after-backup', 'cashier', 'backup-password-3');
    await store.close();

    const restored = openSqliteStore({ dataDir: copy, auditKey });
    try {
      expect(await restored.verifyAudit()).toEqual(original);
      expect((await restored.getUser('jonas'))?.role).toBe('supervisor');
      expect(await restored.getUser('after-backup')).toBeNull();
    } finally {
      await restored.close();
    }
  });

  it('PostgreSQL: pg_dump of the running database restores with pg_restore into an empty one, and the copy verifies', async () => {
    const live = await freshPgDatabase();
    const empty = await freshPgDatabase();
    databases.push(live, empty);
    const store = await openPostgresStore({ url: live.url, auditKey });
    await withAccounts(store);
    const original = await store.verifyAudit();
    const dump = join(freshDir(), 'kasa.dump');
    const bin = findPgBin();
    execFileSync(join(bin, 'pg_dump'), ['--format=custom', `--file=${dump}`, live.url]);
    await store.close();
    execFileSync(join(bin, 'pg_restore'), ['--no-owner', `--dbname=${empty.url}`, dump]);

    const restored = await openPostgresStore({ url: empty.url, auditKey });
    try {
      expect(await restored.verifyAudit()).toEqual(original);
      expect((await restored.getUser('ona'))?.role).toBe('cashier');
    } finally {
      await restored.close();
    }
  });
});
