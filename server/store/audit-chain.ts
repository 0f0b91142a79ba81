import { createHash } from 'node:crypto';
import type { AuditAnchor, AuditRow, AuditVerification } from './types.ts';

/** The prev_hash of the first audit row. */
export const genesisHash = '0'.repeat(64);

export type AuditContent = Omit<AuditRow, 'prevHash' | 'hash'>;

/** A JSON array in a fixed field order: unambiguous, so no two different rows serialise alike. */
export function canonicalAuditContent(row: AuditContent): string {
  return JSON.stringify([
    row.seq,
    row.at,
    row.actor,
    row.action,
    row.cashoutId,
    row.amountCents,
    row.currency,
    row.transactionKey,
    row.outcome,
    row.walletError,
  ]);
}

export function auditHash(prevHash: string, row: AuditContent): string {
  return createHash('sha256').update(prevHash + canonicalAuditContent(row)).digest('hex');
}

/**
 * Walks rows in seq order. A row is bad when its seq is not the next one (a row before it was
 * deleted), its link to the previous hash is broken, or its own hash does not match its content.
 * `count` is the number of rows seen, including those after the first bad one. Rows cut from the
 * end leave an intact chain; an `anchor` (a head recorded earlier, e.g. on a daily report)
 * catches that: it must still be in the chain with the same hash.
 */
export function verifyAuditChain(rows: Iterable<AuditRow>, anchor?: AuditAnchor): AuditVerification {
  let count = 0;
  let firstBadSeq: number | null = null;
  let prevHash = genesisHash;
  let anchorFound: AuditVerification['anchor'] = anchor ? 'missing' : undefined;
  for (const row of rows) {
    count += 1;
    if (anchor && row.seq === anchor.seq) anchorFound = row.hash === anchor.hash ? 'matches' : 'differs';
    if (firstBadSeq !== null) continue;
    if (row.seq !== count || row.prevHash !== prevHash || row.hash !== auditHash(row.prevHash, row)) {
      firstBadSeq = row.seq;
      continue;
    }
    prevHash = row.hash;
  }
  const head = firstBadSeq === null && count > 0 ? { seq: count, hash: prevHash } : null;
  return { ok: firstBadSeq === null && (anchorFound ?? 'matches') === 'matches', count, firstBadSeq, head, anchor: anchorFound };
}
