import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditVerifyResponse, Cashout } from '../../shared/api.ts';
import { auditHash } from '../../server/store/audit-chain.ts';
import type { AuditDbRow as StoredAuditRow } from '../../server/store/rows.ts';
import { type ApiSession, createApiSession } from '../reliability/support/api-session.ts';
import { startKasaStack, type KasaStack } from '../reliability/support/kasa-stack.ts';

/**
 * Issue 10: whoever could write the database file could rewrite the rows after the last recorded
 * head and recompute their hashes, and verify said all was well. With AUDIT_KEY the hashes are
 * HMACs that cannot be recomputed without the key, which is not in the file. Also: audit reads
 * were unbounded; they are paged or capped with a clear error.
 */

let stack: KasaStack;
let cashier: ApiSession;
let supervisor: ApiSession;

beforeAll(async () => {
  stack = await startKasaStack({ cashiers: 1, supervisors: 1 });
  const [anna] = stack.accounts.cashiers;
  const [sam] = stack.accounts.supervisors;
  if (!anna || !sam) throw new Error('accounts missing');
  cashier = createApiSession(stack.origin);
  await cashier.signIn(anna.username, anna.password);
  supervisor = createApiSession(stack.origin);
  await supervisor.signIn(sam.username, sam.password);
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

async function createAndCancel(amount: string) {
  const created = await cashier.request('POST', '/api/cashouts', { amount, currency: 'EUR' });
  await cashier.request('POST', `/api/cashouts/${(created.json as Cashout).id}/cancel`);
}

type AuditDbRow = Omit<StoredAuditRow, 'hash'>;

/** Lowers every amount after `seq` and recomputes each hash the way the chain used to be hashed. */
function rewriteAfter(seq: number): number {
  const db = new Database(join(stack.dataDir, 'kasa.sqlite'));
  try {
    db.exec('DROP TRIGGER audit_refuses_update');
    const rows = db.prepare<[number], AuditDbRow>('SELECT * FROM audit WHERE seq > ? ORDER BY seq').all(seq);
    let prevHash = rows[0]?.prev_hash ?? '';
    for (const row of rows) {
      const amountCents = row.amount_cents === null ? null : 1;
      const content = { seq: row.seq, at: row.at, actor: row.actor, action: row.action, cashoutId: row.cashout_id, amountCents, currency: row.currency, transactionKey: row.transaction_key, outcome: row.outcome, walletError: row.wallet_error };
      const hash = auditHash(prevHash, content);
      db.prepare('UPDATE audit SET amount_cents = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(amountCents, prevHash, hash, row.seq);
      prevHash = hash;
    }
    return rows.length;
  } finally {
    db.close();
  }
}

describe('audit chain against a rewritten database file', () => {
  it('catches rows rewritten after the recorded head with their hashes recomputed', async () => {
    await createAndCancel('120.00');
    const recorded = (await supervisor.request('GET', '/api/audit/verify')).json as AuditVerifyResponse;
    expect(recorded).toMatchObject({ ok: true });
    if (!recorded.head) throw new Error('no head');
    await createAndCancel('950.00');
    await createAndCancel('80.00');

    expect(rewriteAfter(recorded.head.seq)).toBeGreaterThan(0);

    const since = await supervisor.request('GET', `/api/audit/verify?seq=${recorded.head.seq}&hash=${recorded.head.hash}`);
    expect(since.json).toMatchObject({ ok: false, anchor: 'matches', firstBadSeq: recorded.head.seq + 1 });
    expect((await supervisor.request('GET', '/api/audit/verify')).json).toMatchObject({ ok: false, firstBadSeq: recorded.head.seq + 1 });
  });
});

describe('bounded audit reads over HTTP', () => {
  it('refuses a listing page above 1000 events and an export above 31 days', async () => {
    const huge = await supervisor.request('GET', '/api/audit?limit=100000');
    expect(huge.status).toBe(400);
    expect(huge.json).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    const year = await supervisor.request('GET', '/api/audit.csv?from=2026-01-01&to=2026-12-31');
    expect(year.status).toBe(400);
    expect(year.json).toMatchObject({ error: { code: 'INVALID_INPUT', message: expect.stringContaining('31 days') } });
  });

  it('pages the listing with a cursor', async () => {
    const first = await supervisor.request('GET', '/api/audit?limit=2');
    expect(first.json).toMatchObject({ events: [{}, {}], next: expect.any(Number) });
  });
});
