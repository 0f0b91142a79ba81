import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../server/store/migrations.ts';
import { openSqliteStore } from '../../../server/store/sqlite.ts';

// What every store does is in store-contract.ts; this is what only the SQLite one has: a file in DATA_DIR.
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kasa-store-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('file', () => {
  it('uses kasa.sqlite inside dataDir, or the given file name', async () => {
    await openSqliteStore({ dataDir: dir }).close();
    const named = openSqliteStore({ dataDir: join(dir, 'sub'), fileName: 'shop.sqlite' });
    await named.close();
    expect(existsSync(join(dir, 'sub', 'shop.sqlite'))).toBe(true);
    expect(existsSync(join(dir, 'kasa.sqlite'))).toBe(true);
  });
});

describe('schema upgrade', () => {
  it('brings a file of the schema before the cash desk up to date, its cash-outs paid out in no shift', async () => {
    const old = new Database(join(dir, 'kasa.sqlite'));
    const before = migrations.length - 1;
    for (const sql of migrations.slice(0, before)) old.exec(sql);
    old.pragma(`user_version = ${before}`);
    old
      .prepare(
        "INSERT INTO cashouts (id, status, amount_cents, currency, transaction_key, created_at, cashier, confirmed_at, updated_at) VALUES ('old', 'confirmed', 4200, 'EUR', 'tk-old', 10, 'anna', 20, 20)",
      )
      .run();
    old.close();

    const store = openSqliteStore({ dataDir: dir, auditKey: 'audit-key-for-upgrade-tests-0123456789' });
    try {
      expect(await store.getCashout('old')).toMatchObject({ status: 'confirmed', amountCents: 4200, transactionKey: 'tk-old', shiftId: null, payseraLocationId: null });
      await store.createLocation({ id: 'l', name: 'Shop', payseraLocationId: 'P', disabled: false, createdAt: 30 }, { actor: 'admin', action: 'location.add', outcome: 'Shop' });
      expect(await store.listLocations()).toHaveLength(1);
      expect(await store.listShiftCashouts('any')).toEqual([]);
    } finally {
      await store.close();
    }
    const upgraded = new Database(join(dir, 'kasa.sqlite'), { readonly: true });
    try {
      expect(upgraded.pragma('user_version', { simple: true })).toBe(migrations.length);
    } finally {
      upgraded.close();
    }
  });
});
