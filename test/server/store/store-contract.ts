import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StaleCashoutError } from '../../../server/store/errors.ts';
import type { AuditInput, CashoutRecord, Store } from '../../../server/store/types.ts';
import { deskContract } from './desk-contract.ts';
import type { StoreFactory } from './store-factories.ts';

/** What every Store must do, whatever keeps its data: run by store-contract.test.ts once per kind of store. */

export function cashout(overrides: Partial<CashoutRecord> = {}): CashoutRecord {
  return {
    id: 'c1',
    status: 'created',
    amountCents: 12_345,
    currency: 'EUR',
    transactionKey: null,
    createdAt: 1_000,
    expiresAt: null,
    cashier: 'anna',
    approvedBy: null,
    confirmedAt: null,
    failedAttempts: 0,
    errorCode: null,
    pending: null,
    updatedAt: 1_000,
    shiftId: null,
    payseraLocationId: null,
    ...overrides,
  };
}

export function event(overrides: Partial<AuditInput> = {}): AuditInput {
  return { actor: 'anna', action: 'cashout.create', cashoutId: 'c1', amountCents: 12_345, currency: 'EUR', outcome: 'ok', ...overrides };
}

export function storeContract(factory: StoreFactory): void {
  let store: Store;
  let clock: number;
  const now = () => clock;
  const open = () => factory.open(now);

  beforeAll(() => factory.setUp());
  afterAll(() => factory.tearDown());

  beforeEach(async () => {
    await factory.reset();
    clock = 1_700_000_000_000;
    store = await open();
  });

  afterEach(async () => {
    await store.close();
  });

  describe('users', () => {
    it('creates, reads, lists and updates users', async () => {
      await store.createUser({ username: 'zoe', role: 'admin', passwordHash: 'h1', disabled: false, createdAt: 5 });
      await store.createUser({ username: 'anna', role: 'cashier', passwordHash: 'h2', disabled: false, createdAt: 6 });
      expect(await store.getUser('anna')).toEqual({ username: 'anna', role: 'cashier', passwordHash: 'h2', disabled: false, createdAt: 6 });
      expect(await store.getUser('nobody')).toBeNull();
      expect((await store.listUsers()).map((user) => user.username)).toEqual(['anna', 'zoe']);

      await store.updateUser('anna', { disabled: true, role: 'supervisor', passwordHash: undefined });
      expect(await store.getUser('anna')).toMatchObject({ role: 'supervisor', passwordHash: 'h2', disabled: true });
    });

    it('refuses a duplicate username, an unknown role, and updating an unknown user', async () => {
      await store.createUser({ username: 'anna', role: 'cashier', passwordHash: 'h', disabled: false, createdAt: 1 });
      await expect(store.createUser({ username: 'anna', role: 'admin', passwordHash: 'h', disabled: false, createdAt: 1 })).rejects.toThrow(/unique/i);
      await expect(store.createUser({ username: 'bob', role: 'boss' as 'admin', passwordHash: 'h', disabled: false, createdAt: 1 })).rejects.toThrow(/check/i);
      await expect(store.updateUser('nobody', { disabled: true })).rejects.toThrow(/Unknown user/);
    });

    it('appends the audit event of a user change in the same transaction', async () => {
      await store.createUser({ username: 'anna', role: 'cashier', passwordHash: 'h', disabled: false, createdAt: 1 }, { actor: 'system', action: 'user.add', outcome: 'ok' });
      await expect(store.updateUser('anna', { disabled: true }, { actor: 'system', action: 'user.disable', outcome: '' })).rejects.toThrow(/check/i);
      expect(await store.getUser('anna')).toMatchObject({ disabled: false });
      expect((await store.listAudit(0, Number.MAX_SAFE_INTEGER)).map((row) => row.action)).toEqual(['user.add']);
    });
  });

  describe('sessions', () => {
    const idHash = (n: number) => n.toString(16).padStart(64, '0');

    beforeEach(async () => {
      await store.createUser({ username: 'anna', role: 'cashier', passwordHash: 'h', disabled: false, createdAt: 1 });
      await store.createUser({ username: 'bob', role: 'cashier', passwordHash: 'h', disabled: false, createdAt: 1 });
    });

    it('creates, touches and deletes a session', async () => {
      await store.createSession({ idHash: idHash(1), username: 'anna', createdAt: 10, lastSeenAt: 10 });
      await store.touchSession(idHash(1), 20);
      expect(await store.getSession(idHash(1))).toEqual({ idHash: idHash(1), username: 'anna', createdAt: 10, lastSeenAt: 20 });
      await store.deleteSession(idHash(1));
      expect(await store.getSession(idHash(1))).toBeNull();
    });

    it('deletes idle sessions and all of one user', async () => {
      await store.createSession({ idHash: idHash(1), username: 'anna', createdAt: 10, lastSeenAt: 10 });
      await store.createSession({ idHash: idHash(2), username: 'anna', createdAt: 10, lastSeenAt: 50 });
      await store.createSession({ idHash: idHash(3), username: 'bob', createdAt: 10, lastSeenAt: 50 });
      expect(await store.deleteSessionsIdleSince(50)).toBe(1);
      expect(await store.getSession(idHash(1))).toBeNull();
      await store.deleteSessionsOf('anna');
      expect(await store.getSession(idHash(2))).toBeNull();
      expect(await store.getSession(idHash(3))).not.toBeNull();
    });

    it('refuses a session for an unknown user (foreign key)', async () => {
      await expect(store.createSession({ idHash: idHash(4), username: 'ghost', createdAt: 1, lastSeenAt: 1 })).rejects.toThrow(/foreign key/i);
    });

    it('shows a session made through one store to another on the same data, as to a second server instance', async () => {
      const other = await open();
      try {
        await store.createSession({ idHash: idHash(5), username: 'bob', createdAt: 10, lastSeenAt: 10 });
        expect(await other.getSession(idHash(5))).toEqual({ idHash: idHash(5), username: 'bob', createdAt: 10, lastSeenAt: 10 });
      } finally {
        await other.close();
      }
    });
  });

  describe('cash-outs', () => {
    it('inserts a cash-out with its audit event and reads it back', async () => {
      await store.insertCashout(cashout(), event());
      expect(await store.getCashout('c1')).toEqual(cashout());
      expect(await store.getCashout('c2')).toBeNull();
      const audit = await store.listAudit(0, Number.MAX_SAFE_INTEGER);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ seq: 1, at: clock, actor: 'anna', action: 'cashout.create', cashoutId: 'c1', amountCents: 12_345, transactionKey: null, walletError: null });
    });

    it('keeps amounts and times beyond 32 bits exactly', async () => {
      const big = cashout({ amountCents: 9_007_199_254_740_991, createdAt: 4_102_444_800_000, updatedAt: 4_102_444_800_001 });
      await store.insertCashout(big, event({ amountCents: 9_007_199_254_740_991 }));
      expect(await store.getCashout('c1')).toEqual(big);
    });

    it('updates with a patch, stamps updatedAt from the clock, and returns the record', async () => {
      await store.insertCashout(cashout(), event());
      clock += 5_000;
      const updated = await store.updateCashout('c1', { status: 'reserved', transactionKey: 'tk1', expiresAt: 9_000, pending: null, approvedBy: undefined }, event({ action: 'cashout.reserve' }));
      expect(updated).toEqual(cashout({ status: 'reserved', transactionKey: 'tk1', expiresAt: 9_000, updatedAt: clock }));
      expect(await store.getCashout('c1')).toEqual(updated);
      expect(await store.updateCashout('c1', { failedAttempts: 1, updatedAt: 42 })).toMatchObject({ failedAttempts: 1, updatedAt: 42 });
      expect((await store.listAudit(0, Number.MAX_SAFE_INTEGER)).map((row) => row.action)).toEqual(['cashout.create', 'cashout.reserve']);
    });

    it('throws for an unknown id', async () => {
      await expect(store.updateCashout('nope', { status: 'cancelled' })).rejects.toThrow(/Unknown cash-out/);
    });

    it('refuses a non-positive amount and an unknown status', async () => {
      await expect(store.insertCashout(cashout({ amountCents: 0 }), event())).rejects.toThrow(/check/i);
      await expect(store.insertCashout(cashout({ status: 'paid' as 'created' }), event())).rejects.toThrow(/check/i);
      expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 0, firstBadSeq: null });
    });

    it('rolls back the cash-out insert when its audit event is refused', async () => {
      await expect(store.insertCashout(cashout(), event({ actor: '' }))).rejects.toThrow(/check/i);
      expect(await store.getCashout('c1')).toBeNull();
    });

    it('rolls back the cash-out update when its audit event is refused', async () => {
      await store.insertCashout(cashout(), event());
      await expect(store.updateCashout('c1', { status: 'confirmed', confirmedAt: 2_000 }, event({ outcome: '' }))).rejects.toThrow(/check/i);
      expect(await store.getCashout('c1')).toEqual(cashout());
      expect(await store.listAudit(0, Number.MAX_SAFE_INTEGER)).toHaveLength(1);
    });

    it('refuses an update written against a status that has changed since, and changes nothing', async () => {
      await store.insertCashout(cashout(), event());
      await store.updateCashout('c1', { status: 'reserved', transactionKey: 'tk1' }, event({ action: 'cashout.reserve' }), 'created');
      const stale = store.updateCashout('c1', { status: 'cancelled' }, event({ action: 'cashout.cancel' }), 'created');
      await expect(stale).rejects.toBeInstanceOf(StaleCashoutError);
      await expect(stale).rejects.toMatchObject({ id: 'c1', expected: 'created', actual: 'reserved' });
      expect(await store.getCashout('c1')).toMatchObject({ status: 'reserved', transactionKey: 'tk1' });
      expect((await store.listAudit(0, Number.MAX_SAFE_INTEGER)).map((row) => row.action)).toEqual(['cashout.create', 'cashout.reserve']);
    });

    it('applies the guard across two stores on one database, as two server processes would have', async () => {
      await store.insertCashout(cashout({ status: 'reserved', transactionKey: 'tk1' }), event());
      const other = await open();
      try {
        const seenByOther = await other.getCashout('c1');
        await store.updateCashout('c1', { status: 'cancelled' }, event({ action: 'cashout.cancel' }), 'reserved');
        await expect(other.updateCashout('c1', { status: 'confirmed', confirmedAt: 2_000 }, event({ action: 'cashout.confirm' }), seenByOther?.status)).rejects.toBeInstanceOf(StaleCashoutError);
      } finally {
        await other.close();
      }
      expect(await store.getCashout('c1')).toMatchObject({ status: 'cancelled', confirmedAt: null });
    });

    it('lets exactly one of two racing guarded updates through', async () => {
      await store.insertCashout(cashout({ status: 'reserved', transactionKey: 'tk1' }), event());
      const other = await open();
      try {
        const outcomes = await Promise.allSettled([
          store.updateCashout('c1', { status: 'cancelled' }, event({ action: 'cashout.cancel' }), 'reserved'),
          other.updateCashout('c1', { status: 'confirmed', confirmedAt: 2_000 }, event({ action: 'cashout.confirm' }), 'reserved'),
        ]);
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        expect(outcomes.find((outcome) => outcome.status === 'rejected')?.reason).toBeInstanceOf(StaleCashoutError);
      } finally {
        await other.close();
      }
      expect(await store.listAudit(0, Number.MAX_SAFE_INTEGER)).toHaveLength(2);
    });

    it('lists by creation range, newest first, optionally for one cashier', async () => {
      await store.insertCashout(cashout({ id: 'a', createdAt: 100, cashier: 'anna' }), event({ cashoutId: 'a' }));
      await store.insertCashout(cashout({ id: 'b', createdAt: 200, cashier: 'bob' }), event({ cashoutId: 'b' }));
      await store.insertCashout(cashout({ id: 'c', createdAt: 300, cashier: 'anna' }), event({ cashoutId: 'c' }));
      await store.insertCashout(cashout({ id: 'd', createdAt: 400, cashier: 'anna' }), event({ cashoutId: 'd' }));
      expect((await store.listCashouts(100, 400)).map((c) => c.id)).toEqual(['c', 'b', 'a']);
      expect((await store.listCashouts(100, 401, 'anna')).map((c) => c.id)).toEqual(['d', 'c', 'a']);
      expect(await store.listCashouts(101, 200)).toEqual([]);
    });

    it('lists unsettled cash-outs: created, reserved, in_doubt, or with a pending call', async () => {
      const statuses = ['created', 'reserved', 'confirmed', 'cancelled', 'expired', 'failed', 'in_doubt'] as const;
      for (const [index, status] of statuses.entries()) {
        await store.insertCashout(cashout({ id: status, status, createdAt: index }), event({ cashoutId: status }));
      }
      await store.insertCashout(cashout({ id: 'confirming', status: 'reserved', pending: 'confirm', createdAt: 10 }), event());
      await store.updateCashout('failed', { pending: 'revoke' });
      expect((await store.listUnsettledCashouts()).map((c) => c.id)).toEqual(['created', 'reserved', 'failed', 'in_doubt', 'confirming']);
    });

    it('keeps everything across close and reopen', async () => {
      await store.createUser({ username: 'anna', role: 'cashier', passwordHash: 'h', disabled: false, createdAt: 1 });
      await store.insertCashout(cashout(), event());
      await store.updateCashout('c1', { status: 'confirmed', confirmedAt: 3_000 }, event({ action: 'cashout.confirm' }));
      await store.close();
      store = await open();
      expect(await store.getUser('anna')).not.toBeNull();
      expect(await store.getCashout('c1')).toMatchObject({ status: 'confirmed', confirmedAt: 3_000 });
      expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 2, firstBadSeq: null });
      expect((await store.appendAudit(event({ action: 'after.reopen' }))).seq).toBe(3);
    });
  });

  describe('audit', () => {
    it('chains appended rows and lists them by time', async () => {
      const first = await store.appendAudit({ actor: 'system', action: 'server.start', outcome: 'ok' });
      clock += 1_000;
      const second = await store.appendAudit(event({ walletError: 'not_found', outcome: 'refused' }));
      expect(first).toMatchObject({ seq: 1, prevHash: '0'.repeat(64), cashoutId: null, amountCents: null, currency: null });
      expect(second).toMatchObject({ seq: 2, prevHash: first.hash, walletError: 'not_found' });
      expect(await store.listAudit(clock, clock + 1)).toEqual([second]);
    });

    it('verifies after many appends, across pages, and from a recorded head on', async () => {
      for (let index = 0; index < 600; index += 1) {
        clock += 1;
        await store.appendAudit(event({ amountCents: index + 1, outcome: index % 2 ? 'ok' : 'refused' }));
      }
      const full = await store.verifyAudit();
      expect(full).toMatchObject({ ok: true, from: 1, count: 600, firstBadSeq: null, head: { seq: 600 } });
      const recorded = { seq: 11, hash: (await store.listAudit(0, Number.MAX_SAFE_INTEGER, { afterSeq: 10, limit: 1 }))[0]?.hash ?? '' };
      expect(await store.verifyAudit(recorded)).toEqual({ ok: true, from: 11, count: 590, firstBadSeq: null, head: full.head, anchor: 'matches' });
    });

    it('keeps one chain when two stores on one database append at once', async () => {
      const other = await open();
      try {
        await Promise.all(Array.from({ length: 40 }, (_, index) => (index % 2 ? store : other).appendAudit(event({ amountCents: index + 1 }))));
      } finally {
        await other.close();
      }
      const rows = await store.listAudit(0, Number.MAX_SAFE_INTEGER);
      expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
      expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 40, firstBadSeq: null });
    });

    it('keeps one chain when two stores drive different cash-outs at once, each write with its event', async () => {
      const other = await open();
      try {
        await Promise.all(
          Array.from({ length: 10 }, async (_, index) => {
            const through = index % 2 ? store : other;
            const id = `c${index}`;
            await through.insertCashout(cashout({ id }), event({ cashoutId: id }));
            await through.updateCashout(id, { status: 'reserved', transactionKey: `tk${index}` }, event({ cashoutId: id, action: 'cashout.reserve' }), 'created');
            await through.updateCashout(id, { status: 'confirmed', confirmedAt: 2_000 }, event({ cashoutId: id, action: 'cashout.confirm' }), 'reserved');
          }),
        );
      } finally {
        await other.close();
      }
      const rows = await store.listAudit(0, Number.MAX_SAFE_INTEGER);
      expect(rows).toHaveLength(30);
      for (let index = 0; index < 10; index += 1) {
        expect(rows.filter((row) => row.cashoutId === `c${index}`).map((row) => row.action)).toEqual(['cashout.create', 'cashout.reserve', 'cashout.confirm']);
      }
      expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 30, firstBadSeq: null });
    });

    it('pages through a range in time order, never more than the page limit at once', async () => {
      for (let index = 0; index < 10; index += 1) {
        clock += 1_000;
        await store.appendAudit(event());
      }
      const seen: number[] = [];
      let afterSeq = 0;
      for (;;) {
        const page = await store.listAudit(0, Number.MAX_SAFE_INTEGER, { afterSeq, limit: 3 });
        expect(page.length).toBeLessThanOrEqual(3);
        seen.push(...page.map((row) => row.seq));
        const last = page.at(-1);
        if (!last) break;
        afterSeq = last.seq;
      }
      expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const range = await store.listAudit(1_700_000_003_000, 1_700_000_006_000, { afterSeq: 3, limit: 10 });
      expect(range.map((row) => row.seq)).toEqual([4, 5]);
      await store.appendAudit(event());
      expect(await store.listAudit(0, Number.MAX_SAFE_INTEGER, { afterSeq: 0, limit: 5_000 })).toHaveLength(11);
    });

    it('refuses UPDATE and DELETE of audit rows in the database itself', async () => {
      await store.appendAudit(event());
      await expect(factory.exec('UPDATE audit SET amount_cents = 1 WHERE seq = 1')).rejects.toThrow(/append-only/);
      await expect(factory.exec('DELETE FROM audit WHERE seq = 1')).rejects.toThrow(/append-only/);
      expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 1 });
    });

    it('finds a row edited by someone who removed those guards', async () => {
      for (let index = 0; index < 5; index += 1) await store.appendAudit(event({ amountCents: 100 + index }));
      await factory.dropAuditGuards();
      await factory.exec('UPDATE audit SET amount_cents = 99999 WHERE seq = 3');
      expect(await store.verifyAudit()).toMatchObject({ ok: false, count: 5, firstBadSeq: 3 });
    });
  });

  describe('cash desk', () => {
    deskContract({ factory, store: () => store, open, cashout });
  });
}
