import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StaleCashoutError } from '../../../server/store/errors.ts';
import { openSqliteStore } from '../../../server/store/sqlite.ts';
import type { AuditInput, CashoutRecord, Store } from '../../../server/store/types.ts';

let dir: string;
let store: Store;
let clock: number;
const now = () => clock;

function open(): Store {
  return openSqliteStore({ dataDir: dir, now });
}

function cashout(overrides: Partial<CashoutRecord> = {}): CashoutRecord {
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
    ...overrides,
  };
}

function event(overrides: Partial<AuditInput> = {}): AuditInput {
  return { actor: 'anna', action: 'cashout.create', cashoutId: 'c1', amountCents: 12_345, currency: 'EUR', outcome: 'ok', ...overrides };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kasa-store-'));
  clock = 1_700_000_000_000;
  store = open();
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
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
    await expect(store.createUser({ username: 'anna', role: 'admin', passwordHash: 'h', disabled: false, createdAt: 1 })).rejects.toThrow(/UNIQUE/);
    await expect(store.createUser({ username: 'bob', role: 'boss' as 'admin', passwordHash: 'h', disabled: false, createdAt: 1 })).rejects.toThrow(/CHECK/);
    await expect(store.updateUser('nobody', { disabled: true })).rejects.toThrow(/Unknown user/);
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
    await expect(store.createSession({ idHash: idHash(4), username: 'ghost', createdAt: 1, lastSeenAt: 1 })).rejects.toThrow(/FOREIGN KEY/);
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
    await expect(store.insertCashout(cashout({ amountCents: 0 }), event())).rejects.toThrow(/CHECK/);
    await expect(store.insertCashout(cashout({ status: 'paid' as 'created' }), event())).rejects.toThrow(/CHECK/);
    expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 0, firstBadSeq: null });
  });

  it('rolls back the cash-out insert when its audit event is refused', async () => {
    await expect(store.insertCashout(cashout(), event({ actor: '' }))).rejects.toThrow(/CHECK/);
    expect(await store.getCashout('c1')).toBeNull();
  });

  it('rolls back the cash-out update when its audit event is refused', async () => {
    await store.insertCashout(cashout(), event());
    await expect(store.updateCashout('c1', { status: 'confirmed', confirmedAt: 2_000 }, event({ outcome: '' }))).rejects.toThrow(/CHECK/);
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

  it('applies the guard across two connections to one file, as two server processes would have', async () => {
    await store.insertCashout(cashout({ status: 'reserved', transactionKey: 'tk1' }), event());
    const other = open();
    try {
      const seenByOther = await other.getCashout('c1');
      await store.updateCashout('c1', { status: 'cancelled' }, event({ action: 'cashout.cancel' }), 'reserved');
      await expect(other.updateCashout('c1', { status: 'confirmed', confirmedAt: 2_000 }, event({ action: 'cashout.confirm' }), seenByOther?.status)).rejects.toBeInstanceOf(StaleCashoutError);
    } finally {
      await other.close();
    }
    expect(await store.getCashout('c1')).toMatchObject({ status: 'cancelled', confirmedAt: null });
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
    store = open();
    expect(await store.getUser('anna')).not.toBeNull();
    expect(await store.getCashout('c1')).toMatchObject({ status: 'confirmed', confirmedAt: 3_000 });
    expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 2, firstBadSeq: null });
    expect((await store.appendAudit(event({ action: 'after.reopen' }))).seq).toBe(3);
  });
});

describe('file', () => {
  it('uses the given file name inside dataDir', async () => {
    const named = openSqliteStore({ dataDir: join(dir, 'sub'), fileName: 'shop.sqlite' });
    await named.close();
    expect(existsSync(join(dir, 'sub', 'shop.sqlite'))).toBe(true);
    expect(existsSync(join(dir, 'kasa.sqlite'))).toBe(true);
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

  it('verifies after many appends', async () => {
    for (let index = 0; index < 200; index += 1) {
      clock += 1;
      await store.appendAudit(event({ amountCents: index + 1, outcome: index % 2 ? 'ok' : 'refused' }));
    }
    expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 200, firstBadSeq: null });
  });
});
