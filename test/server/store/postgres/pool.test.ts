import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { StoreUnavailableError } from '../../../../server/store/errors.ts';
import { openPool, parseInt8, query } from '../../../../server/store/postgres/pool.ts';
import { openPostgresStore } from '../../../../server/store/postgres/store.ts';
import { isConnectionError } from '../../../../server/store/postgres/unavailable.ts';
import { freePort } from '../../../support/pg-cluster.ts';
import { freshPgDatabase, type PgTestDatabase } from '../../../support/pg-database.ts';
import { loseDatabase } from './outage.ts';

const auditKey = 'audit-key-for-pool-tests-0123456789abc';
let database: PgTestDatabase;

beforeAll(async () => {
  database = await freshPgDatabase();
});

afterAll(async () => {
  await database.drop();
});

describe('bigint columns', () => {
  it('come back as numbers while JavaScript holds them exactly, and are refused beyond', async () => {
    expect(parseInt8('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => parseInt8('9007199254740992')).toThrow(RangeError);
    const pool = openPool(database.url);
    try {
      expect((await query<{ n: number }>(pool, 'SELECT 123456789012::bigint AS n')).rows).toEqual([{ n: 123_456_789_012 }]);
      await expect(query(pool, 'SELECT 9007199254740993::bigint AS n')).rejects.toThrow(/beyond the integers JavaScript holds exactly/);
    } finally {
      await pool.end();
    }
  });
});

describe('driver errors', () => {
  it('turn into StoreUnavailableError when no server listens, and stay themselves when a statement is refused', async () => {
    const closed = openPool(`postgres://kasa:secret@127.0.0.1:${await freePort()}/kasa`);
    try {
      const refused = query(closed, 'SELECT 1');
      await expect(refused).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(refused).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
    } finally {
      await closed.end();
    }
    const pool = openPool(database.url);
    try {
      const bad = query(pool, 'SELECT 1 / 0');
      await expect(bad).rejects.toMatchObject({ code: '22012' });
      await expect(bad).rejects.not.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await pool.end();
    }
  });

  it('are told apart by code: admin shutdown and class 08 are outages, a syntax error is not', () => {
    const coded = (code: string) => Object.assign(new Error('x'), { code });
    expect(isConnectionError(coded('57P01'))).toBe(true);
    expect(isConnectionError(coded('08006'))).toBe(true);
    expect(isConnectionError(coded('ECONNRESET'))).toBe(true);
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionError(coded('42601'))).toBe(false);
    expect(isConnectionError(coded('23505'))).toBe(false);
  });
});

describe('a database lost while the store is open', () => {
  it('answers StoreUnavailableError from every call, and works again once it is back', async () => {
    const store = await openPostgresStore({ url: database.url, auditKey, connectionTimeoutMs: 2_000 });
    try {
      await store.createUser({ username: 'anna', role: 'cashier', passwordHash: 'h', disabled: false, createdAt: 1 });
      const outage = await loseDatabase(inject('pgAdminUrl'), database.url);
      await expect(store.getUser('anna')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.appendAudit({ actor: 'system', action: 'x', outcome: 'ok' })).rejects.toBeInstanceOf(StoreUnavailableError);
      await outage.restore();
      await store.ping();
      expect(await store.getUser('anna')).toMatchObject({ username: 'anna' });
      expect((await store.appendAudit({ actor: 'system', action: 'x', outcome: 'ok' })).seq).toBe(1);
    } finally {
      await store.close();
    }
  });
});

describe('the cash desk with the database lost', () => {
  it('answers StoreUnavailableError from its reads and writes, and writes nothing meanwhile', async () => {
    const store = await openPostgresStore({ url: database.url, auditKey, connectionTimeoutMs: 2_000 });
    const audit = { actor: 'anna', action: 'shift.open', outcome: 'ok' };
    const shift = { id: 's1', locationId: 'l1', cashier: 'anna', status: 'open' as const, openedAt: 1, float: [], closedAt: null, counted: null, expected: null, signedOffBy: null, signedOffAt: null };
    try {
      await store.createLocation({ id: 'l1', name: 'Shop', payseraLocationId: null, disabled: false, createdAt: 1 }, { ...audit, action: 'location.add' });
      const before = (await store.verifyAudit()).count;
      const outage = await loseDatabase(inject('pgAdminUrl'), database.url);
      await expect(store.listLocations()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.getCurrentShift('anna')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.listShifts(0, 10)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.openShift(shift, audit)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.updateShift('s1', { status: 'closed' }, audit, 'open')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(
        store.addMovement({ id: 'm1', shiftId: 's1', kind: 'pay_in', amountCents: 100, currency: 'EUR', reason: 'r', at: 2, actor: 'anna' }, audit),
      ).rejects.toBeInstanceOf(StoreUnavailableError);
      await outage.restore();
      expect(await store.getCurrentShift('anna')).toBeNull();
      expect((await store.verifyAudit()).count).toBe(before);
      await store.openShift(shift, audit);
      expect(await store.getCurrentShift('anna')).toMatchObject({ id: 's1' });
    } finally {
      await store.close();
    }
  });
});

describe('pool usage', () => {
  it('is reported for /metrics: connections opened, idle and waiting', async () => {
    const store = await openPostgresStore({ url: database.url, auditKey });
    try {
      await Promise.all([store.ping(), store.ping(), store.ping()]);
      const stats = store.poolStats?.();
      expect(stats?.total).toBeGreaterThanOrEqual(1);
      expect(stats?.idle).toBe(stats?.total);
      expect(stats?.waiting).toBe(0);
    } finally {
      await store.close();
    }
  });
});
