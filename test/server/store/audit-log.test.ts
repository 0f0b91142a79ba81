import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../server/store/sqlite.ts';
import type { Store } from '../../../server/store/types.ts';

// Tampering goes through a second connection to the same file, the way another tool would.
let dir: string;
let store: Store;
let other: Database.Database;
let clock: number;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kasa-audit-'));
  clock = 1_700_000_000_000;
  store = openSqliteStore({ dataDir: dir, now: () => clock });
  for (let seq = 1; seq <= 10; seq += 1) {
    clock += 1_000;
    await store.appendAudit({ actor: 'anna', action: 'cashout.confirm', cashoutId: `c${seq}`, amountCents: 1_000 * seq, currency: 'EUR', outcome: 'ok' });
  }
  other = new Database(join(dir, 'kasa.sqlite'));
});

afterEach(async () => {
  other.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('audit log tamper evidence', () => {
  it('verifies the untouched log', async () => {
    expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 10, firstBadSeq: null });
  });

  it('refuses UPDATE and DELETE through the triggers', async () => {
    expect(() => other.prepare('UPDATE audit SET amount_cents = 1 WHERE seq = 3').run()).toThrow(/append-only/);
    expect(() => other.prepare('DELETE FROM audit WHERE seq = 3').run()).toThrow(/append-only/);
    expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 10, firstBadSeq: null });
  });

  it('detects a row edited after the trigger was dropped', async () => {
    other.exec('DROP TRIGGER audit_refuses_update');
    other.prepare('UPDATE audit SET amount_cents = 99999 WHERE seq = 5').run();
    expect(await store.verifyAudit()).toMatchObject({ ok: false, count: 10, firstBadSeq: 5 });
  });

  it('detects a middle row deleted after the trigger was dropped', async () => {
    other.exec('DROP TRIGGER audit_refuses_delete');
    other.prepare('DELETE FROM audit WHERE seq = 5').run();
    expect(await store.verifyAudit()).toMatchObject({ ok: false, count: 9, firstBadSeq: 6 });
  });

  it('keeps reporting the break after further appends', async () => {
    other.exec('DROP TRIGGER audit_refuses_update');
    other.prepare("UPDATE audit SET outcome = 'refused' WHERE seq = 2").run();
    await store.appendAudit({ actor: 'bob', action: 'cashout.create', outcome: 'ok' });
    expect(await store.verifyAudit()).toMatchObject({ ok: false, count: 11, firstBadSeq: 2 });
  });

  it('verifies from a recorded head on, across several pages, without reading the rows before it', async () => {
    for (let i = 0; i < 1_190; i += 1) await store.appendAudit({ actor: 'anna', action: 'cashout.create', outcome: 'ok' });
    const full = await store.verifyAudit();
    expect(full).toMatchObject({ ok: true, from: 1, count: 1_200, head: { seq: 1_200 } });
    const recorded = { seq: 11, hash: (await store.listAudit(0, Number.MAX_SAFE_INTEGER, { afterSeq: 10, limit: 1 }))[0]?.hash ?? '' };
    other.exec('DROP TRIGGER audit_refuses_update');
    other.prepare('UPDATE audit SET amount_cents = 1 WHERE seq = 3').run();
    expect(await store.verifyAudit()).toMatchObject({ ok: false, firstBadSeq: 3 });
    expect(await store.verifyAudit(recorded)).toEqual({ ok: true, from: 11, count: 1_190, firstBadSeq: null, head: full.head, anchor: 'matches' });
    other.prepare("UPDATE audit SET outcome = 'refused' WHERE seq = 1100").run();
    expect(await store.verifyAudit(recorded)).toMatchObject({ ok: false, firstBadSeq: 1_100, count: 1_190 });
  });
});
