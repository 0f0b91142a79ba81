import { createHash, createHmac } from 'node:crypto';
import type { AuditAnchor, AuditInput, AuditRow, AuditVerification } from './types.ts';

/** The prev_hash of the first audit row. */
export const genesisHash = '0'.repeat(64);

export type AuditContent = Omit<AuditRow, 'prevHash' | 'hash'>;

/**
 * The chain's key. Rows from `keyedFrom` on carry HMAC-SHA-256 under `key`, so nobody without the
 * key can write a row that verifies; rows before it were written before the chain had a key and
 * keep their plain SHA-256 (the first keyed row's link still pins them).
 */
export interface AuditChainKey {
  key: Buffer;
  keyedFrom: number;
}

/** The hashed fields in their one order: also the order of the audit table's columns before the hashes. */
export function auditContentValues(row: AuditContent): (string | number | null)[] {
  return [row.seq, row.at, row.actor, row.action, row.cashoutId, row.amountCents, row.currency, row.transactionKey, row.outcome, row.walletError];
}

/** A JSON array in a fixed field order: unambiguous, so no two different rows serialise alike. */
export function canonicalAuditContent(row: AuditContent): string {
  return JSON.stringify(auditContentValues(row));
}

/** The row that follows `last` (null for the first): numbered, timed and chained to it. */
export function nextAuditRow(last: { seq: number; hash: string } | undefined, event: AuditInput, at: number, chainKey: AuditChainKey | null): AuditRow {
  const content = {
    seq: (last?.seq ?? 0) + 1,
    at,
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
  return { ...content, prevHash, hash: auditHash(prevHash, content, chainKey) };
}

export function auditHash(prevHash: string, row: AuditContent, chainKey: AuditChainKey | null = null): string {
  const input = prevHash + canonicalAuditContent(row);
  if (chainKey && row.seq >= chainKey.keyedFrom) return createHmac('sha256', chainKey.key).update(input).digest('hex');
  return createHash('sha256').update(input).digest('hex');
}

export interface ChainCheck {
  /** Feed rows in seq order. */
  add(row: AuditRow): void;
  result(): AuditVerification;
}

/**
 * Checks rows fed in seq order, from row 1 or, given an `anchor` (a head recorded earlier, e.g. on
 * a daily report), from that row on: rows before it were checked when it was recorded, so a
 * verify costs only what was appended since. A row is bad when its seq is not the next one (a
 * row before it was deleted), its link to the previous hash is broken, or its own hash does not
 * match its content. `count` is the number of rows checked, including those after the first bad
 * one. Rows cut from the end leave an intact chain; the anchor catches that: it must still be in
 * the chain with the same hash.
 */
export function createChainCheck(anchor: AuditAnchor | undefined, chainKey: AuditChainKey | null): ChainCheck {
  let count = 0;
  let firstBadSeq: number | null = null;
  let nextSeq = 1;
  let prevHash = genesisHash;
  let anchorState: AuditVerification['anchor'] = anchor ? 'missing' : undefined;
  let started = anchor === undefined;
  let stopped = false;

  return {
    add(row) {
      if (stopped) return;
      if (!started && anchor) {
        if (row.seq < anchor.seq) return;
        if (row.seq > anchor.seq || row.hash !== anchor.hash) {
          anchorState = row.seq > anchor.seq ? 'missing' : 'differs';
          stopped = true;
          return;
        }
        anchorState = 'matches';
        started = true;
        nextSeq = anchor.seq;
        prevHash = row.prevHash;
      }
      count += 1;
      if (firstBadSeq !== null) return;
      if (row.seq !== nextSeq || row.prevHash !== prevHash || row.hash !== auditHash(row.prevHash, row, chainKey)) {
        firstBadSeq = row.seq;
        return;
      }
      prevHash = row.hash;
      nextSeq += 1;
    },
    result() {
      const intact = firstBadSeq === null && (anchorState ?? 'matches') === 'matches';
      const head = intact && count > 0 ? { seq: nextSeq - 1, hash: prevHash } : null;
      return { ok: intact, from: anchor?.seq ?? 1, count, firstBadSeq, head, anchor: anchorState };
    },
  };
}
