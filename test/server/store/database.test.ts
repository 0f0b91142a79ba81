import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/store/database.ts';
import { migrations } from '../../../server/store/migrations.ts';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kasa-db-'));
  file = join(dir, 'nested', 'kasa.sqlite');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the directory and sets WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const db = openDatabase(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('runs every migration once and is idempotent on reopen', () => {
    openDatabase(file).close();
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all();
      expect(tables.map((table) => table.name)).toEqual(['audit', 'audit_key', 'cashouts', 'locations', 'sessions', 'shift_cash', 'shift_movements', 'shifts', 'users']);
      const triggers = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all();
      expect(triggers.map((trigger) => trigger.name)).toEqual(['audit_key_is_set_once', 'audit_key_refuses_delete', 'audit_refuses_delete', 'audit_refuses_update']);
    } finally {
      db.close();
    }
  });

  it('refuses a file whose schema is newer than the code', () => {
    openDatabase(file).close();
    const other = new Database(file);
    other.pragma(`user_version = ${migrations.length + 1}`);
    other.close();
    expect(() => openDatabase(file)).toThrow(/newer than this Kasa/);
  });

  it('keeps cents columns integer: STRICT tables refuse a float amount', () => {
    const db = openDatabase(file);
    try {
      expect(() =>
        db
          .prepare(
            "INSERT INTO cashouts (id, status, amount_cents, currency, created_at, cashier, updated_at) VALUES ('c', 'created', 10.5, 'EUR', 0, 'anna', 0)",
          )
          .run(),
      ).toThrow(/cannot store REAL value in INTEGER column/);
    } finally {
      db.close();
    }
  });
});
