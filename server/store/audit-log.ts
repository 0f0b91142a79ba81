import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { type AuditChainKey, createChainCheck, nextAuditRow } from './audit-chain.ts';
import { type AuditDbRow, auditFromRow, auditToRow } from './rows.ts';
import { auditPageMax } from '../../shared/api.ts';
import type { AuditAnchor, AuditInput, AuditPage, AuditRow, AuditVerification } from './types.ts';

export interface AuditLog {
  /** Must run inside a write transaction: it reads the chain's head and appends after it. */
  append(event: AuditInput): AuditRow;
  list(from: number, to: number, page?: AuditPage): AuditRow[];
  verify(anchor?: AuditAnchor): Promise<AuditVerification>;
}

/** Rows per read while verifying: small enough that cash-outs wait for no page noticeably. */
const verifyPageRows = 500;

/** The hash-chained, keyed audit table, synchronous so that it can join the callers' transactions. */
export function createAuditLog(db: Database.Database, now: () => number, chainKey: AuditChainKey): AuditLog {
  const head = db.prepare<[], Pick<AuditDbRow, 'seq' | 'hash'>>('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare<[AuditDbRow]>(
    `INSERT INTO audit (seq, at, actor, action, cashout_id, amount_cents, currency, transaction_key, outcome, wallet_error, prev_hash, hash)
     VALUES (@seq, @at, @actor, @action, @cashout_id, @amount_cents, @currency, @transaction_key, @outcome, @wallet_error, @prev_hash, @hash)`,
  );
  // Keyset pages in (at, seq) order, which the index on `at` already holds: no page sorts the range.
  const firstPage = db.prepare<[number, number, number], AuditDbRow>('SELECT * FROM audit WHERE at >= ? AND at < ? ORDER BY at, seq LIMIT ?');
  const laterPage = db.prepare<[number, number, number, number, number], AuditDbRow>(
    'SELECT * FROM audit WHERE (at, seq) > ((SELECT at FROM audit WHERE seq = ?), ?) AND at >= ? AND at < ? ORDER BY at, seq LIMIT ?',
  );
  const pageFrom = db.prepare<[number, number, number], AuditDbRow>('SELECT * FROM audit WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?');

  return {
    append(event) {
      const last = head.get();
      const row = nextAuditRow(last, event, now(), chainKey);
      insert.run(auditToRow(row));
      return row;
    },
    list(from, to, page = { afterSeq: 0, limit: auditPageMax }) {
      const limit = Math.min(Math.max(page.limit, 0), auditPageMax);
      const rows = page.afterSeq === 0 ? firstPage.all(from, to, limit) : laterPage.all(page.afterSeq, page.afterSeq, from, to, limit);
      return rows.map(auditFromRow);
    },
    async verify(anchor) {
      const check = createChainCheck(anchor, chainKey);
      // Up to the head as it is now: rows appended meanwhile belong to the next verify.
      const last = head.get()?.seq ?? 0;
      let nextSeq = anchor?.seq ?? 1;
      for (;;) {
        const rows = pageFrom.all(nextSeq, last, verifyPageRows);
        for (const row of rows) check.add(auditFromRow(row));
        const end = rows.at(-1);
        if (!end || rows.length < verifyPageRows) return check.result();
        nextSeq = end.seq + 1;
        await nextTurn();
      }
    },
  };
}
