import { describe, expect, it } from 'vitest';
import { type AuditChainKey, auditHash, canonicalAuditContent, createChainCheck, genesisHash } from '../../../server/store/audit-chain.ts';
import type { AuditAnchor, AuditRow, AuditVerification } from '../../../server/store/types.ts';

function verifyAuditChain(rows: Iterable<AuditRow>, anchor?: AuditAnchor, chainKey: AuditChainKey | null = null): AuditVerification {
  const check = createChainCheck(anchor, chainKey);
  for (const row of rows) check.add(row);
  return check.result();
}

function chain(length: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let prevHash = genesisHash;
  for (let seq = 1; seq <= length; seq += 1) {
    const content = {
      seq,
      at: 1_700_000_000_000 + seq,
      actor: 'anna',
      action: 'cashout.create',
      cashoutId: `c${seq}`,
      amountCents: 100 * seq,
      currency: 'EUR',
      transactionKey: null,
      outcome: 'ok',
      walletError: null,
    };
    const row = { ...content, prevHash, hash: auditHash(prevHash, content) };
    rows.push(row);
    prevHash = row.hash;
  }
  return rows;
}

describe('audit chain', () => {
  it('hashes prev_hash followed by a fixed-order JSON array of the content', () => {
    const [first] = chain(1);
    if (!first) throw new Error('no row');
    expect(canonicalAuditContent(first)).toBe('[1,1700000000001,"anna","cashout.create","c1",100,"EUR",null,"ok",null]');
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.prevHash).toBe('0'.repeat(64));
  });

  it('does not let one field bleed into the next', () => {
    const base = { seq: 1, at: 1, actor: 'ab', action: 'c', cashoutId: null, amountCents: null, currency: null, transactionKey: null, outcome: 'ok', walletError: null };
    expect(auditHash(genesisHash, base)).not.toBe(auditHash(genesisHash, { ...base, actor: 'a', action: 'bc' }));
  });

  it('accepts an intact chain and an empty one', () => {
    expect(verifyAuditChain(chain(20))).toMatchObject({ ok: true, count: 20, firstBadSeq: null });
    expect(verifyAuditChain([])).toMatchObject({ ok: true, count: 0, firstBadSeq: null });
  });

  it('names an edited row', () => {
    const rows = chain(10);
    rows[3] = { ...(rows[3] as AuditRow), amountCents: 1 };
    expect(verifyAuditChain(rows)).toMatchObject({ ok: false, count: 10, firstBadSeq: 4 });
  });

  it('names the row after an edited row whose hash was recomputed', () => {
    const rows = chain(10);
    const edited = { ...(rows[3] as AuditRow), outcome: 'refused' };
    rows[3] = { ...edited, hash: auditHash(edited.prevHash, edited) };
    expect(verifyAuditChain(rows)).toMatchObject({ ok: false, count: 10, firstBadSeq: 5 });
  });

  it('names the row after a deleted middle row, and the first row when the first is deleted', () => {
    const rows = chain(10);
    expect(verifyAuditChain(rows.filter((row) => row.seq !== 6))).toMatchObject({ ok: false, count: 9, firstBadSeq: 7 });
    expect(verifyAuditChain(rows.slice(1))).toMatchObject({ ok: false, count: 9, firstBadSeq: 2 });
  });

  it('catches a renumbered row', () => {
    const rows = chain(3);
    rows[2] = { ...(rows[2] as AuditRow), seq: 4 };
    expect(verifyAuditChain(rows).firstBadSeq).toBe(4);
  });

  it('gives the head of an intact chain, to be recorded as a later anchor', () => {
    const rows = chain(5);
    expect(verifyAuditChain(rows).head).toEqual({ seq: 5, hash: rows[4]?.hash });
    expect(verifyAuditChain([]).head).toBeNull();
    expect(verifyAuditChain(rows.filter((row) => row.seq !== 3)).head).toBeNull();
  });

  it('catches rows cut from the end, which leave the rest of the chain intact, with an earlier head as anchor', () => {
    const rows = chain(10);
    const recorded = { seq: 8, hash: rows[7]?.hash ?? '' };
    expect(verifyAuditChain(rows, recorded)).toMatchObject({ ok: true, anchor: 'matches', head: { seq: 10 } });
    expect(verifyAuditChain(rows.slice(0, 7))).toMatchObject({ ok: true, count: 7 });
    expect(verifyAuditChain(rows.slice(0, 7), recorded)).toMatchObject({ ok: false, firstBadSeq: null, anchor: 'missing' });
    expect(verifyAuditChain(rows, { seq: 8, hash: 'f'.repeat(64) })).toMatchObject({ ok: false, firstBadSeq: null, anchor: 'differs' });
  });

  it('checks from a recorded head on, reading nothing before it', () => {
    const rows = chain(10);
    const recorded = { seq: 6, hash: rows[5]?.hash ?? '' };
    rows[2] = { ...(rows[2] as AuditRow), amountCents: 1 };
    expect(verifyAuditChain(rows)).toMatchObject({ ok: false, from: 1, count: 10, firstBadSeq: 3 });
    expect(verifyAuditChain(rows, recorded)).toEqual({ ok: true, from: 6, count: 5, firstBadSeq: null, head: { seq: 10, hash: rows[9]?.hash }, anchor: 'matches' });
  });

  it('catches the anchor row itself edited with its hash left alone, and breaks after it', () => {
    const rows = chain(10);
    const recorded = { seq: 6, hash: rows[5]?.hash ?? '' };
    const edited = chain(10);
    edited[5] = { ...(edited[5] as AuditRow), outcome: 'refused' };
    expect(verifyAuditChain(edited, recorded)).toMatchObject({ ok: false, firstBadSeq: 6, anchor: 'matches', head: null });
    const broken = rows.filter((row) => row.seq !== 8);
    expect(verifyAuditChain(broken, recorded)).toMatchObject({ ok: false, count: 4, firstBadSeq: 9 });
  });

  it('checks rows from keyedFrom on with HMAC under the key, and earlier ones with plain SHA-256', () => {
    const key = { key: Buffer.from('k'.repeat(32)), keyedFrom: 4 };
    const rows = chain(3);
    let prevHash = rows[2]?.hash ?? '';
    for (let seq = 4; seq <= 6; seq += 1) {
      const content = { seq, at: seq, actor: 'anna', action: 'a', cashoutId: null, amountCents: null, currency: null, transactionKey: null, outcome: 'ok', walletError: null };
      const row = { ...content, prevHash, hash: auditHash(prevHash, content, key) };
      rows.push(row);
      prevHash = row.hash;
    }
    expect(verifyAuditChain(rows, undefined, key)).toMatchObject({ ok: true, count: 6 });
    expect(verifyAuditChain(rows)).toMatchObject({ ok: false, firstBadSeq: 4 });
    expect(verifyAuditChain(rows, undefined, { ...key, key: Buffer.from('x'.repeat(32)) })).toMatchObject({ ok: false, firstBadSeq: 4 });
    expect(verifyAuditChain(chain(6), undefined, key)).toMatchObject({ ok: false, firstBadSeq: 4 });
  });
});
