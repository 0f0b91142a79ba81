import type pg from 'pg';
import { auditPageMax } from '../../../shared/api.ts';
import { type AuditChainKey, auditContentValues, createChainCheck, nextAuditRow } from '../audit-chain.ts';
import { type AuditDbRow, auditFromRow } from '../rows.ts';
import type { AuditAnchor, AuditInput, AuditPage, AuditRow, AuditVerification } from '../types.ts';
import { type Queryable, query } from './pool.ts';

/** Rows per read while verifying, as in the SQLite store. */
const verifyPageRows = 500;

const auditColumns = 'seq, at, actor, action, cashout_id, amount_cents, currency, transaction_key, outcome, wallet_error, prev_hash, hash';

/** A statement to run in the same SQL command as the audit insert (one round trip for both); its parameters are $1…$n. */
export interface CompanionStatement {
  sql: string;
  values: readonly unknown[];
}

export interface PgAuditLog {
  /** Appends inside the caller's transaction, which must be open on `client`, with `companion` if given. */
  append(client: pg.PoolClient, event: AuditInput, companion?: CompanionStatement): Promise<AuditRow>;
  list(from: number, to: number, page?: AuditPage): Promise<AuditRow[]>;
  verify(anchor?: AuditAnchor): Promise<AuditVerification>;
}

/**
 * The hash-chained, keyed audit table on PostgreSQL. An append takes a transaction-scoped advisory
 * lock before it reads the head (audit_head_for_append in schema.ts), so appends from every
 * instance queue into one order; the lock is let go only when the transaction has committed, when
 * the next append can see the new head.
 */
export function createPgAuditLog(pool: Queryable, now: () => number, chainKey: AuditChainKey): PgAuditLog {
  const head = async () => (await query<Pick<AuditDbRow, 'seq' | 'hash'>>(pool, 'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1')).rows[0];

  return {
    async append(client, event, companion) {
      const last = (await query<Pick<AuditDbRow, 'seq' | 'hash'>>(client, 'SELECT seq, hash FROM audit_head_for_append()')).rows[0];
      const row = nextAuditRow(last, event, now(), chainKey);
      const before = companion?.values.length ?? 0;
      const placeholders = Array.from({ length: 12 }, (_, index) => `$${before + index + 1}`).join(', ');
      const insert = `INSERT INTO audit (${auditColumns}) VALUES (${placeholders})`;
      await query(client, companion ? `WITH companion AS (${companion.sql}) ${insert}` : insert, [
        ...(companion?.values ?? []),
        ...auditContentValues(row),
        row.prevHash,
        row.hash,
      ]);
      return row;
    },

    async list(from, to, page = { afterSeq: 0, limit: auditPageMax }) {
      const limit = Math.min(Math.max(page.limit, 0), auditPageMax);
      // Keyset pages in (at, seq) order, which the index holds: no page sorts the range.
      const { rows } = page.afterSeq === 0
        ? await query<AuditDbRow>(pool, 'SELECT * FROM audit WHERE at >= $1 AND at < $2 ORDER BY at, seq LIMIT $3', [from, to, limit])
        : await query<AuditDbRow>(
            pool,
            'SELECT * FROM audit WHERE (at, seq) > ((SELECT at FROM audit WHERE seq = $1), $1) AND at >= $2 AND at < $3 ORDER BY at, seq LIMIT $4',
            [page.afterSeq, from, to, limit],
          );
      return rows.map(auditFromRow);
    },

    async verify(anchor) {
      const check = createChainCheck(anchor, chainKey);
      // Up to the head as it is now: rows appended meanwhile belong to the next verify.
      const last = (await head())?.seq ?? 0;
      let nextSeq = anchor?.seq ?? 1;
      for (;;) {
        const { rows } = await query<AuditDbRow>(pool, 'SELECT * FROM audit WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT $3', [nextSeq, last, verifyPageRows]);
        for (const row of rows) check.add(auditFromRow(row));
        const end = rows.at(-1);
        if (!end || rows.length < verifyPageRows) return check.result();
        nextSeq = end.seq + 1;
      }
    },
  };
}
