import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditHash, genesisHash } from '../../../server/store/audit-chain.ts';
import { auditKeyFileName, dataDirAuditKey } from '../../../server/store/audit-key.ts';
import { migrations } from '../../../server/store/migrations.ts';
import { openSqliteStore } from '../../../server/store/sqlite.ts';

const key = 'audit-key-for-tests-0123456789abcdef';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kasa-audit-key-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function writeEvents(auditKey: string | undefined, count: number, dataDir = dir) {
  const store = openSqliteStore({ dataDir, ...(auditKey !== undefined && { auditKey }) });
  try {
    for (let i = 1; i <= count; i += 1) await store.appendAudit({ actor: 'anna', action: 'cashout.confirm', amountCents: i * 100, currency: 'EUR', outcome: 'ok' });
    return await store.verifyAudit();
  } finally {
    await store.close();
  }
}

/** What someone holding the file but not the key can do: edit a row and recompute every hash after it. */
function rewriteFrom(file: string, seq: number, hashWith: (prevHash: string, row: Parameters<typeof auditHash>[1]) => string) {
  const db = new Database(file);
  try {
    db.exec('DROP TRIGGER IF EXISTS audit_refuses_update');
    db.prepare('UPDATE audit SET amount_cents = 99999 WHERE seq = ?').run(seq);
    type Row = { seq: number; at: number; actor: string; action: string; cashout_id: string | null; amount_cents: number | null; currency: string | null; transaction_key: string | null; outcome: string; wallet_error: string | null; prev_hash: string };
    const rows = db.prepare<[number], Row>('SELECT * FROM audit WHERE seq >= ? ORDER BY seq').all(seq);
    let prevHash = rows[0]?.prev_hash ?? genesisHash;
    for (const row of rows) {
      const content = { seq: row.seq, at: row.at, actor: row.actor, action: row.action, cashoutId: row.cashout_id, amountCents: row.amount_cents, currency: row.currency, transactionKey: row.transaction_key, outcome: row.outcome, walletError: row.wallet_error };
      const hash = hashWith(prevHash, content);
      db.prepare('UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?').run(prevHash, hash, row.seq);
      prevHash = hash;
    }
  } finally {
    db.close();
  }
}

describe('keyed audit chain', () => {
  it('hashes rows with HMAC under the key, which plain SHA-256 cannot reproduce', async () => {
    expect(await writeEvents(key, 5)).toMatchObject({ ok: true, count: 5 });
    const db = new Database(join(dir, 'kasa.sqlite'), { readonly: true });
    const first = db.prepare<[], { hash: string; at: number }>('SELECT hash, at FROM audit WHERE seq = 1').get();
    db.close();
    const content = { seq: 1, at: first?.at ?? 0, actor: 'anna', action: 'cashout.confirm', cashoutId: null, amountCents: 100, currency: 'EUR', transactionKey: null, outcome: 'ok', walletError: null };
    expect(first?.hash).toBe(auditHash(genesisHash, content, { key: Buffer.from(key), keyedFrom: 1 }));
    expect(first?.hash).not.toBe(auditHash(genesisHash, content));
  });

  it('catches rows rewritten with recomputed hashes, by SHA-256 or under a guessed key', async () => {
    await writeEvents(key, 10);
    const file = join(dir, 'kasa.sqlite');
    rewriteFrom(file, 6, (prevHash, row) => auditHash(prevHash, row));
    const store = openSqliteStore({ dataDir: dir, auditKey: key });
    expect(await store.verifyAudit()).toMatchObject({ ok: false, firstBadSeq: 6 });
    await store.close();
    rewriteFrom(file, 6, (prevHash, row) => auditHash(prevHash, row, { key: Buffer.from('a-guess-at-the-key-0123456789abcd'), keyedFrom: 1 }));
    const again = openSqliteStore({ dataDir: dir, auditKey: key });
    expect(await again.verifyAudit()).toMatchObject({ ok: false, firstBadSeq: 6 });
    await again.close();
  });

  it('refuses to open the chain under another key, so no row is ever hashed with two keys', async () => {
    await writeEvents(key, 2);
    expect(() => openSqliteStore({ dataDir: dir, auditKey: 'another-key-0123456789abcdefghijklmn' })).toThrow(/kept with another key/);
    const copy = join(dir, 'copy');
    mkdirSync(copy);
    copyFileSync(join(dir, 'kasa.sqlite'), join(copy, 'kasa.sqlite'));
    expect(() => openSqliteStore({ dataDir: copy })).toThrow(/AUDIT_KEY/);
  });

  it('refuses a key record moved to claim that keyed rows were never keyed', async () => {
    await writeEvents(key, 4);
    const db = new Database(join(dir, 'kasa.sqlite'));
    expect(() => db.prepare('UPDATE audit_key SET keyed_from = 5').run()).toThrow(/set once/);
    expect(() => db.prepare('DELETE FROM audit_key').run()).toThrow(/set once/);
    db.exec('DROP TRIGGER audit_key_is_set_once');
    db.prepare('UPDATE audit_key SET keyed_from = 5').run();
    db.close();
    expect(() => openSqliteStore({ dataDir: dir, auditKey: key })).toThrow(/kept with another key, or its key record was altered/);
  });

  it('keys a chain written before it had a key from the next row on, and pins the old rows through the first keyed link', async () => {
    const file = join(dir, 'kasa.sqlite');
    const old = new Database(file);
    old.exec(migrations[0] ?? '');
    old.pragma('user_version = 1');
    let prevHash = genesisHash;
    for (let seq = 1; seq <= 3; seq += 1) {
      const content = { seq, at: 1_700_000_000_000 + seq, actor: 'system', action: 'user.add', cashoutId: null, amountCents: null, currency: null, transactionKey: null, outcome: 'ok', walletError: null };
      const hash = auditHash(prevHash, content);
      old.prepare('INSERT INTO audit (seq, at, actor, action, outcome, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(seq, content.at, content.actor, content.action, content.outcome, prevHash, hash);
      prevHash = hash;
    }
    old.close();

    expect(await writeEvents(key, 2)).toMatchObject({ ok: true, count: 5, firstBadSeq: null });
    rewriteFrom(file, 2, (prev, row) => auditHash(prev, row));
    const store = openSqliteStore({ dataDir: dir, auditKey: key });
    // Rows 2–3 were rewritten with valid plain hashes (they need no key), but row 4's link to them needs the key.
    expect(await store.verifyAudit()).toMatchObject({ ok: false, firstBadSeq: 4 });
    await store.close();
  });

  it('keeps a random key per data dir when no AUDIT_KEY is given, readable only by its owner', async () => {
    expect(await writeEvents(undefined, 3)).toMatchObject({ ok: true, count: 3 });
    const file = join(dir, auditKeyFileName);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = readFileSync(file, 'utf8').trim();
    expect(stored.length).toBeGreaterThanOrEqual(32);
    expect(dataDirAuditKey(dir)).toBe(stored);
    expect(await writeEvents(stored, 1)).toMatchObject({ ok: true, count: 4 });
    expect(readFileSync(join(dir, 'kasa.sqlite')).includes(stored)).toBe(false);
  });
});
