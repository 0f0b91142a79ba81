import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLoginThrottle } from '../../../server/auth/login-throttle.ts';
import { createCashoutService } from '../../../server/cashout/service.ts';
import { CashoutError, type CashoutSettings } from '../../../server/cashout/types.ts';
import type { Coordination } from '../../../server/cluster/coordination.ts';
import { createPgCoordination, openPgCoordination } from '../../../server/cluster/pg-coordination.ts';
import { StoreUnavailableError } from '../../../server/store/errors.ts';
import type { WalletClient } from '../../../server/wallet/types.ts';
import { bothChecks, defaultSettings, type Harness, ona, reservedCashoutIn, startHarness, withDailyCap } from '../cashout/harness.ts';
import { testPool, type TwoPools, twoPools } from './two-pools.ts';

let pools: TwoPools;
let h: Harness | undefined;
const coordinations: Coordination[] = [];
const warnings: string[] = [];
const log = { warn: (_fields: object, message: string) => warnings.push(message), error: (_fields: object, message: string) => warnings.push(message) };

beforeAll(async () => {
  pools = await twoPools();
});

afterEach(async () => {
  for (const coordination of coordinations.splice(0)) await coordination.close();
  await h?.close();
  h = undefined;
});

afterAll(async () => {
  await pools?.close();
});

function coordinationOn(pool: TwoPools['a']): Coordination {
  const coordination = createPgCoordination(pool, log);
  coordinations.push(coordination);
  return coordination;
}

/** Wraps the Wallet so that every write records whether another write on the same transaction was still in flight. */
function overlapRecorder() {
  const inFlight = new Map<string, number>();
  const overlaps: string[] = [];
  let writes = 0;
  const around = async <T>(key: string, call: () => Promise<T>): Promise<T> => {
    const count = (inFlight.get(key) ?? 0) + 1;
    inFlight.set(key, count);
    writes += 1;
    if (count > 1) overlaps.push(key);
    try {
      await delay(5 + Math.random() * 10);
      return await call();
    } finally {
      inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
    }
  };
  const wrap = (wallet: WalletClient): WalletClient => ({
    ...wallet,
    getServerTime: () => wallet.getServerTime(),
    syncClock: () => wallet.syncClock(),
    clockOffsetSeconds: () => wallet.clockOffsetSeconds(),
    createTransaction: (input) => wallet.createTransaction(input),
    getTransaction: (key, options) => wallet.getTransaction(key, options),
    listTransactions: (filter) => wallet.listTransactions(filter),
    getWallet: (walletId) => wallet.getWallet(walletId),
    reserveWithCode: (key, code) => around(key, () => wallet.reserveWithCode(key, code)),
    confirmTransaction: (key) => around(key, () => wallet.confirmTransaction(key)),
    revokeTransaction: (key) => around(key, () => wallet.revokeTransaction(key)),
  });
  return { wrap, overlaps, writes: () => writes };
}

/**
 * Two cash-out services on one store and one Wallet, each with its own PostgreSQL coordination on
 * its own pool: two Kasa instances, as far as the lock, the throttles and the cap are concerned.
 */
interface TwoInstancesOptions {
  wrapWallet?: (wallet: WalletClient) => WalletClient;
  settings?: Partial<CashoutSettings>;
  /** Pause the instances after they read a cashier's cash-outs, widening the gap a cap check must hold across. */
  listPauseMs?: number;
}

async function twoInstances(options: TwoInstancesOptions = {}) {
  let wallet: WalletClient | undefined;
  h = await startHarness({
    wrapWallet: (real) => {
      wallet = options.wrapWallet ? options.wrapWallet(real) : real;
      return wallet;
    },
  });
  const harness = h;
  const store = harness.store;
  const instance = (pool: TwoPools['a']) => {
    if (!wallet) throw new Error('the harness made no wallet');
    return createCashoutService({
      store: {
        ...store,
        listCashouts: async (from, to, cashier) => {
          const found = await store.listCashouts(from, to, cashier);
          await delay(options.listPauseMs ?? 0);
          return found;
        },
      },
      wallet,
      settings: { ...defaultSettings, ...options.settings },
      now: () => harness.sim.clock.now(),
      sleep: async () => {},
      lock: coordinationOn(pool).cashoutLock,
    });
  };
  return { harness, a: instance(pools.a), b: instance(pools.b) };
}

describe('createPgCoordination', () => {
  it('keeps two instances driving the same cash-outs from ever having two Wallet writes for one in flight', async () => {
    const recorder = overlapRecorder();
    const { harness, a, b } = await twoInstances({ wrapWallet: recorder.wrap });
    const reserved = [];
    for (let index = 0; index < 8; index += 1) reserved.push(await reservedCashoutIn(harness));
    const writesBefore = recorder.writes();

    const settle = (promise: Promise<unknown>) => promise.then(
      () => 'ok',
      () => 'refused',
    );
    await Promise.all(
      reserved.flatMap(({ id }) => [
        settle(a.confirm(ona, id, bothChecks)),
        settle(b.confirm(ona, id, bothChecks)),
        settle(b.cancel(ona, id)),
        settle(a.cancel(ona, id)),
        settle(b.get(ona, id)),
      ]),
    );

    expect(recorder.writes()).toBeGreaterThan(writesBefore);
    expect(recorder.overlaps).toEqual([]);
    for (const { id, key } of reserved) {
      const record = await harness.store.getCashout(id);
      const paysera = harness.sim.state.transaction(key)?.status;
      expect(['confirmed', 'cancelled']).toContain(record?.status);
      expect(record?.status === 'confirmed').toBe(paysera === 'confirmed');
    }
  });

  it("keeps a cashier's daily cap when creates arrive through two instances at once", async () => {
    const { a, b } = await twoInstances({ settings: withDailyCap(15_000), listPauseMs: 10 });
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 === 0 ? a : b).create(ona, { amountCents: 5_000, currency: 'EUR' }).then(
          () => 'created',
          (error: unknown) => (error instanceof CashoutError ? error.code : String(error)),
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'created').length).toBe(3);
    expect(new Set(outcomes.filter((outcome) => outcome !== 'created'))).toEqual(new Set(['LIMIT_EXCEEDED']));
  });

  it('holds a sign-in throttle hit on one instance on the other', async () => {
    const limits = { perUsername: { limit: 2, windowMs: 60_000 }, perIp: { limit: 100, windowMs: 60_000 } };
    const onA = createLoginThrottle({ ...limits, limiters: coordinationOn(pools.a).rateLimiter });
    const onB = createLoginThrottle({ ...limits, limiters: coordinationOn(pools.b).rateLimiter });
    for (const throttle of [onA, onB]) {
      const admission = await throttle.begin({ username: 'Ona', ip: '10.0.0.1' });
      if (!admission.allowed) throw new Error('refused too early');
      await admission.attempt.fail();
    }
    expect(await onB.begin({ username: 'ona', ip: '10.0.0.2' })).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(await onA.begin({ username: 'ona', ip: '10.0.0.3' })).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it('opens a pool of its own, and on close gives up the sweeper\'s turn and ends that pool', async () => {
    const opened = openPgCoordination(pools.url, log);
    const other = coordinationOn(pools.b);
    expect(await opened.sweeperTurn.isMine()).toBe(true);
    expect(await opened.cashoutLock.run('c1', async () => 'locked')).toBe('locked');
    expect(await other.sweeperTurn.isMine()).toBe(false);
    await opened.close();
    expect(await other.sweeperTurn.isMine()).toBe(true);
    await expect(opened.cashoutLock.run('c1', async () => 'after close')).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('refuses a pool too small to keep connections free of the cash-out locks', async () => {
    const small = testPool({ connectionString: pools.url, max: 2 });
    try {
      expect(() => createPgCoordination(small, log)).toThrow(RangeError);
    } finally {
      await small.end();
    }
  });
});
