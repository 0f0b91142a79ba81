import type Database from 'better-sqlite3';
import { auditHash, genesisHash, verifyAuditChain } from './audit-chain.ts';
import { type AuditDbRow, auditFromRow, auditToRow } from './rows.ts';
import type { AuditAnchor, AuditInput, AuditRow, AuditVerification } from './types.ts';

export interface AuditLog {
  /** Must run inside a write transaction: it reads the chain's head and appends after it. */
  append(event: AuditInput): AuditRow;
  list(from: number, to: number): AuditRow[];
  verify(anchor?: AuditAnchor): AuditVerification;
}

/** The hash-chained audit table, synchronous so that it can join the callers' transactions. */
export function createAuditLog(db: Database.Database, now: () => number): AuditLog {
  const head = db.prepare<[], Pick<AuditDbRow, 'seq' | 'hash'>>('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare<[AuditDbRow]>(
    `INSERT INTO audit (seq, at, actor, action, cashout_id, amount_cents, currency, transaction_key, outcome, wallet_error, prev_hash, hash)
     VALUES (@seq, @at, @actor, @action, @cashout_id, @amount_cents, @currency, @transaction_key, @outcome, @wallet_error, @prev_hash, @hash)`,
  );
  const inRange = db.prepare<[number, number], AuditDbRow>('SELECT * FROM audit WHERE at >= ? AND at < ? ORDER BY seq');
  const all = db.prepare<[], AuditDbRow>('SELECT * FROM audit ORDER BY seq');

  return {
    append(event) {
      const last = head.get();
      const content = {
        seq: (last?.seq ?? 0) + 1,
        at: now(),
        actor: event.actor,
        action: event.action,
        cashoutId: event.cashoutId ?? null,
        amountCents: event.amountCents ?? null,
        currency: event.currency ?? null,
        transactionKey: event.transactionKey ?? null,
        outcome: event.outcome,
        walletError: event.walletError ?? null,
      };
      const prevHash = last?.hash ?? genesisHash;
      const row: AuditRow = { ...content, prevHash, hash: auditHash(prevHash, content) };
      insert.run(auditToRow(row));
      return row;
    },
    list(from, to) {
      return inRange.all(from, to).map(auditFromRow);
    },
    verify(anchor) {
      return verifyAuditChain(mapIterable(all.iterate(), auditFromRow), anchor);
    },
  };
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Iterable<U> {
  for (const item of items) yield map(item);
}
