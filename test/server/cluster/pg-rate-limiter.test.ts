import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimiterOptions } from '../../../server/auth/throttle.ts';
import { createPgRateLimiter } from '../../../server/cluster/pg-rate-limiter.ts';
import { StoreUnavailableError } from '../../../server/store/errors.ts';
import { admitted, failOnce, rateLimiterBehaviour, waitOf } from '../auth/rate-limiter-behaviour.ts';
import { testPool, type TwoPools, twoPools } from './two-pools.ts';

let pools: TwoPools;
let poolA: pg.Pool;
let poolB: pg.Pool;
let scopes = 0;
/** Each limiter made gets a scope of its own, so the tests sharing one database never meet. */
function freshScope(): string {
  scopes += 1;
  return `test-${scopes}`;
}

beforeAll(async () => {
  pools = await twoPools();
  poolA = pools.a;
  poolB = pools.b;
});

afterAll(async () => {
  await pools?.close();
});

/** Two instances' limiters on one count: A and B stand for two Kasa processes. */
function pair(options: RateLimiterOptions) {
  const scope = freshScope();
  return { a: createPgRateLimiter(poolA, scope, options), b: createPgRateLimiter(poolB, scope, options) };
}

describe('createPgRateLimiter', () => {
  rateLimiterBehaviour((options) => createPgRateLimiter(poolA, freshScope(), options));

  it('holds a hit made through one instance on the other', async () => {
    const clock = { now: 1_000_000 };
    const { a, b } = pair({ limit: 2, windowMs: 60_000, firstDelayMs: 10_000, now: () => clock.now });
    await failOnce(a, 'anna');
    await failOnce(b, 'anna');
    expect(await b.begin('anna')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(await a.begin('anna')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    clock.now += 10_000;
    await (await admitted(a, 'anna')).succeed();
    expect(await waitOf(b, 'anna')).toBe(0);
  });

  it('admits exactly the free number when bursts arrive through two instances at once', async () => {
    const clock = { now: 1_000_000 };
    const { a, b } = pair({ limit: 5, windowMs: 60_000, firstDelayMs: 10_000, now: () => clock.now });
    await failOnce(a, 'anna');
    await failOnce(b, 'anna');
    const burst = await Promise.all(Array.from({ length: 30 }, (_, index) => (index % 2 === 0 ? a : b).begin('anna')));
    const through = burst.flatMap((admission) => (admission.allowed ? [admission.attempt] : []));
    expect(through.length).toBe(3);
    await Promise.all(through.map((attempt) => attempt.fail()));
    clock.now += 10_000;
    const again = await Promise.all(Array.from({ length: 30 }, (_, index) => (index % 2 === 0 ? a : b).begin('anna')));
    expect(again.filter((admission) => admission.allowed).length).toBe(1);
  });

  it('stops counting an attempt of an instance that died once its lease has run out', async () => {
    const clock = { now: 1_000_000 };
    const options = { limit: 1, windowMs: 3_600_000, firstDelayMs: 10_000, attemptLeaseMs: 30_000, now: () => clock.now };
    const { a, b } = pair(options);
    await admitted(a, 'anna');
    expect(await b.begin('anna')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    clock.now += 29_999;
    expect((await b.begin('anna')).allowed).toBe(false);
    clock.now += 1;
    expect(await waitOf(b, 'anna')).toBe(0);
  });

  it('purges expired attempts and failures that have left the window', async () => {
    const clock = { now: 1_000_000 };
    const scope = freshScope();
    const rate = createPgRateLimiter(poolA, scope, { limit: 3, windowMs: 60_000, attemptLeaseMs: 30_000, now: () => clock.now });
    await failOnce(rate, 'old');
    await admitted(rate, 'abandoned');
    clock.now += 60_000;
    await failOnce(rate, 'new');
    const count = async (table: string) =>
      (await poolA.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE scope = $1`, [scope])).rows[0]?.n;
    expect(await count('rate_limit_failures')).toBe(1);
    expect(await count('rate_limit_attempts')).toBe(0);
  });

  it('answers StoreUnavailableError when the database cannot be reached', async () => {
    const unreachable = testPool({ host: '127.0.0.1', port: 1, user: 'nobody', database: 'none', connectionTimeoutMillis: 2_000 });
    try {
      const rate = createPgRateLimiter(unreachable, freshScope(), { limit: 1, windowMs: 1_000 });
      await expect(rate.begin('anna')).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await unreachable.end();
    }
  });
});
