import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { advance, amendRecord, writeAhead } from '../../../server/cashout/advance.ts';
import type { CashoutContext } from '../../../server/cashout/context.ts';
import { freshCashout } from '../../../server/cashout/create.ts';
import { CashoutError } from '../../../server/cashout/types.ts';
import { openSqliteStore } from '../../../server/store/sqlite.ts';
import type { CashoutRecord, Store } from '../../../server/store/types.ts';

let dir: string;
let store: Store;
let ctx: CashoutContext;
const step = { actor: 'ona', action: 'cashout.test' };

const created: CashoutRecord = { ...freshCashout({ id: 'c1', amountCents: 5_000, currency: 'EUR', cashier: 'ona', now: 1_000 }), transactionKey: 'tk1', pending: null };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kasa-advance-'));
  store = openSqliteStore({ dataDir: dir });
  // Only the store and the clock are used by these steps; a wallet call here would be a bug.
  ctx = { store, now: () => 2_000 } as CashoutContext;
  await store.insertCashout(created, { actor: 'ona', action: 'cashout.create', cashoutId: 'c1', outcome: 'created' });
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('steps written against a status that changed under them', () => {
  it('are refused as WRONG_STATE and leave the record and the audit trail as the other writer left them', async () => {
    const reserved = await advance(ctx, created, { type: 'reserved' }, step);
    expect(reserved.status).toBe('reserved');

    for (const stale of [
      () => advance(ctx, created, { type: 'cancel' }, step),
      () => writeAhead(ctx, created, 'confirm'),
      () => amendRecord(ctx, created, { approvedBy: 'sam' }, step, 'approved'),
    ]) {
      const attempt = stale();
      await expect(attempt).rejects.toBeInstanceOf(CashoutError);
      await expect(attempt).rejects.toMatchObject({ code: 'WRONG_STATE', message: 'This cash-out is now reserved; reload it.' });
    }
    expect(await store.getCashout('c1')).toEqual(reserved);
    expect((await store.listAudit(0, Number.MAX_SAFE_INTEGER)).map((row) => row.outcome)).toEqual(['created', 'reserved']);
  });
});
