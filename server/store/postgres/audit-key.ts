import type pg from 'pg';
import type { AuditChainKey } from '../audit-chain.ts';
import { type AuditKeyRecord, auditKeyCheck, chainKeyFrom } from '../audit-key.ts';
import { inTransaction, query } from './pool.ts';

/**
 * The PostgreSQL side of ../audit-key.ts: the first key any instance opens the database with is
 * bound to it, and every instance after that must bring the same key. FOR UPDATE makes instances
 * starting together agree on which key that was.
 */
export async function bindPgAuditKey(pool: pg.Pool, keyText: string): Promise<AuditChainKey> {
  const key = Buffer.from(keyText, 'utf8');
  const record = await inTransaction(pool, async (client) => {
    const { rows } = await query<AuditKeyRecord>(client, 'SELECT keyed_from, key_check FROM audit_key WHERE id = 1 FOR UPDATE');
    const found = rows[0];
    if (!found) throw new Error('The audit key record is missing: the database was altered outside Kasa.');
    if (found.key_check !== null) return found;
    const check = auditKeyCheck(key, found.keyed_from);
    await query(client, 'UPDATE audit_key SET key_check = $1 WHERE id = 1', [check]);
    return { ...found, key_check: check };
  });
  return chainKeyFrom(record, key);
}
