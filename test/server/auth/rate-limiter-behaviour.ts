import { expect, it } from 'vitest';
import type { Attempt, RateLimiter, RateLimiterOptions } from '../../../server/auth/throttle.ts';

export type MakeLimiter = (options: RateLimiterOptions) => RateLimiter;

export function clockedLimiter(make: MakeLimiter, limit = 3, windowMs = 60_000, delays = { firstDelayMs: 10_000, maxDelayMs: 40_000 }) {
  const clock = { now: 1_000_000 };
  return { clock, limiter: make({ limit, windowMs, ...delays, now: () => clock.now }) };
}

export async function admitted(rate: RateLimiter, key: string): Promise<Attempt> {
  const admission = await rate.begin(key);
  if (!admission.allowed) throw new Error(`${key} refused for ${admission.retryAfterSeconds} s`);
  return admission.attempt;
}

export async function failOnce(rate: RateLimiter, key: string): Promise<void> {
  await (await admitted(rate, key)).fail();
}

/** The wait a new attempt would be told, 0 if it would be let through (it is then released). */
export async function waitOf(rate: RateLimiter, key: string): Promise<number> {
  const admission = await rate.begin(key);
  if (!admission.allowed) return admission.retryAfterSeconds;
  await admission.attempt.release();
  return 0;
}

/**
 * What every RateLimiter does, whichever holds its counts: the in-memory one and the PostgreSQL
 * one run this same table (test/server/auth/throttle.test.ts, test/server/cluster/pg-rate-limiter.test.ts).
 */
export function rateLimiterBehaviour(make: MakeLimiter): void {
  it('lets the limit of failures pass, then asks for the first wait, counted from the newest failure', async () => {
    const { clock, limiter: rate } = clockedLimiter(make);
    await failOnce(rate, 'anna');
    clock.now += 10_000;
    await failOnce(rate, 'anna');
    expect(await waitOf(rate, 'anna')).toBe(0);
    await failOnce(rate, 'anna');
    expect(await rate.begin('anna')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(await waitOf(rate, 'bob')).toBe(0);
    clock.now += 9_999;
    expect(await waitOf(rate, 'anna')).toBe(1);
    clock.now += 1;
    expect(await waitOf(rate, 'anna')).toBe(0);
  });

  it('doubles the wait with every further failure and stops at the longest', async () => {
    const { clock, limiter: rate } = clockedLimiter(make, 3, 3_600_000);
    for (let index = 0; index < 3; index += 1) await failOnce(rate, 'anna');
    const waits: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      const wait = await waitOf(rate, 'anna');
      waits.push(wait);
      clock.now += wait * 1000;
      await failOnce(rate, 'anna');
    }
    expect(waits).toEqual([10, 20, 40, 40, 40]);
    expect(await waitOf(rate, 'anna')).toBe(40);
  });

  it('forgets failures once they leave the window, and the wait shrinks with them', async () => {
    const { clock, limiter: rate } = clockedLimiter(make, 2, 60_000);
    const start = clock.now;
    for (const at of [0, 10_000, 20_000, 40_000]) {
      clock.now = start + at;
      await failOnce(rate, 'anna');
    }
    clock.now = start + 59_999;
    expect(await waitOf(rate, 'anna')).toBe(21);
    clock.now = start + 60_000;
    expect(await waitOf(rate, 'anna')).toBe(0);
    clock.now = start + 100_000;
    await failOnce(rate, 'anna');
    expect(await waitOf(rate, 'anna')).toBe(0);
  });

  it('counts attempts in flight as failures: at most the limit at once, then one at a time', async () => {
    const { clock, limiter: rate } = clockedLimiter(make);
    const first = await admitted(rate, 'anna');
    const second = await admitted(rate, 'anna');
    const third = await admitted(rate, 'anna');
    expect(await rate.begin('anna')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    await first.release();
    const fourth = await admitted(rate, 'anna');
    expect((await rate.begin('anna')).allowed).toBe(false);
    await second.fail();
    await third.fail();
    await fourth.fail();
    clock.now += 10_000;
    const past = await admitted(rate, 'anna');
    expect(await rate.begin('anna')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    await past.release();
    expect(await waitOf(rate, 'anna')).toBe(0);
  });

  it('lets exactly the limit through when 40 attempts begin together, and then one more after the wait', async () => {
    const { clock, limiter: rate } = clockedLimiter(make);
    const admissions = await Promise.all(Array.from({ length: 40 }, () => rate.begin('anna')));
    const through = admissions.flatMap((admission) => (admission.allowed ? [admission.attempt] : []));
    expect(through.length).toBe(3);
    await Promise.all(through.map((attempt) => attempt.fail()));
    clock.now += 10_000;
    const again = await Promise.all(Array.from({ length: 40 }, () => rate.begin('anna')));
    expect(again.filter((admission) => admission.allowed).length).toBe(1);
  });

  it('forgives the earlier failures on success, not on release, and settles an attempt only once', async () => {
    const { limiter: rate } = clockedLimiter(make, 2);
    await failOnce(rate, 'anna');
    const released = await admitted(rate, 'anna');
    await released.release();
    await released.fail();
    expect(await waitOf(rate, 'anna')).toBe(0);
    await failOnce(rate, 'anna');
    expect(await waitOf(rate, 'anna')).toBe(10);

    const { clock, limiter: other } = clockedLimiter(make, 2);
    await failOnce(other, 'bob');
    await failOnce(other, 'bob');
    clock.now += 10_000;
    const lucky = await admitted(other, 'bob');
    await lucky.succeed();
    await lucky.fail();
    await failOnce(other, 'bob');
    expect(await waitOf(other, 'bob')).toBe(0);
  });

  it('defaults to a first wait of 30 s and a longest of 5 minutes', async () => {
    const clock = { now: 0 };
    const rate = make({ limit: 1, windowMs: 3_600_000, now: () => clock.now });
    const waits: number[] = [];
    for (let index = 0; index < 7; index += 1) {
      clock.now += (await waitOf(rate, 'anna')) * 1000;
      await failOnce(rate, 'anna');
      waits.push(await waitOf(rate, 'anna'));
    }
    expect(waits).toEqual([30, 60, 120, 240, 300, 300, 300]);
  });

  it('rejects nonsense settings', () => {
    expect(() => make({ limit: 0, windowMs: 1 })).toThrow(RangeError);
    expect(() => make({ limit: 1, windowMs: 0 })).toThrow(RangeError);
    expect(() => make({ limit: 1, windowMs: 1, firstDelayMs: 0 })).toThrow(RangeError);
    expect(() => make({ limit: 1, windowMs: 1, firstDelayMs: 2, maxDelayMs: 1 })).toThrow(RangeError);
  });
}
