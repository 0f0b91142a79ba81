import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { AuditChainKey } from './audit-chain.ts';

/**
 * Where the audit chain's key comes from and how the database remembers which key it is kept
 * with. The key itself is never stored in the database: only an HMAC of the row it applies from,
 * which a copy of the file cannot turn back into the key, nor move to another row without it.
 */

export const auditKeyFileName = 'audit.key';

/**
 * The key in DATA_DIR/audit.key, created on first use: for demo mode and the tools that open a
 * demo data dir. Live mode takes AUDIT_KEY instead, kept away from the database.
 */
export function dataDirAuditKey(dataDir: string): string {
  const file = join(dataDir, auditKeyFileName);
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}

/** The audit_key row as both stores keep it. */
export interface AuditKeyRecord {
  keyed_from: number;
  key_check: string | null;
}

/** What audit_key.key_check holds for `key`: an HMAC that cannot be turned back into the key. */
export const auditKeyCheck = (key: Buffer, keyedFrom: number) => createHmac('sha256', key).update(`kasa audit key from row ${keyedFrom}`).digest('hex');

/** The chain key, once the bound record says `key` is the one the chain is kept with; throws otherwise. */
export function chainKeyFrom(record: AuditKeyRecord, key: Buffer): AuditChainKey {
  if (record.key_check !== auditKeyCheck(key, record.keyed_from)) {
    throw new Error(
      `The audit chain in this database is kept with another key, or its key record was altered. Set AUDIT_KEY to the key it was started with (demo mode keeps its key beside its data, in DATA_DIR/demo/${auditKeyFileName}).`,
    );
  }
  return { key, keyedFrom: record.keyed_from };
}

/**
 * Binds `key` to the chain on first use (from the row after the last one written without a key)
 * and refuses any other key afterwards, so rows are never hashed with two keys.
 */
export function bindAuditKey(db: Database.Database, keyText: string): AuditChainKey {
  const key = Buffer.from(keyText, 'utf8');
  const record = db.transaction(() => {
    const found = db.prepare<[], AuditKeyRecord>('SELECT keyed_from, key_check FROM audit_key WHERE id = 1').get();
    if (!found) throw new Error('The audit key record is missing: the database was altered outside Kasa.');
    if (found.key_check !== null) return found;
    const check = auditKeyCheck(key, found.keyed_from);
    db.prepare<[string]>('UPDATE audit_key SET key_check = ? WHERE id = 1').run(check);
    return { ...found, key_check: check };
  }).immediate();
  return chainKeyFrom(record, key);
}
