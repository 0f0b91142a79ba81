import { describe, expect, it } from 'vitest';
import { type Attempt, createRateLimiter, type RateLimiter } from '../../../server/auth/throttle.ts';

function limiter(limit = 3, windowMs = 60_000, delays = { firstDelayMs: 10_000, maxDelayMs: 40_000 }) {
  const clock = { now: 1_000_000 };
  return { clock, limiter: createRateLimiter({ limit, windowMs, ...delays, now: () => clock.now }) };
}

function admitted(rate: RateLimiter, key: string): Attempt {
  const admission = rate.begin(key);
  if (!admission.allowed) throw new Error(`${key} refused for ${admission.retryAfterSeconds} s`);
  return admission.attempt;
}

const waitOf = (rate: RateLimiter, key: string): number => {
  const admission = rate.begin(key);
  if (admission.allowed) {
    admission.attempt.release();
    return 0;
  }
  return admission.retryAfterSeconds;
};

describe('createRateLimiter', () => {
  it('lets the limit of failures pass, then asks for the first wait, counted from the newest failure', () => {
    const { clock, limiter: rate } = limiter();
    admitted(rate, 'anna').fail();
    clock.now += 10_000;
    admitted(rate, 'anna').fail();
    expect(waitOf(rate, 'anna')).toBe(0);
    admitted(rate, 'anna').fail();
    expect(rate.begin('anna')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(waitOf(rate, 'bob')).toBe(0);
    clock.now += 9_999;
    expect(waitOf(rate, 'anna')).toBe(1);
    clock.now += 1;
    expect(waitOf(rate, 'anna')).toBe(0);
  });

  it('doubles the wait with every further failure and stops at the longest', () => {
    const { clock, limiter: rate } = limiter(3, 3_600_000);
    for (let index = 0; index < 3; index += 1) admitted(rate, 'anna').fail();
    const waits: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      const wait = waitOf(rate, 'anna');
      waits.push(wait);
      clock.now += wait * 1000;
      admitted(rate, 'anna').fail();
    }
    expect(waits).toEqual([10, 20, 40, 40, 40]);
    expect(waitOf(rate, 'anna')).toBe(40);
  });

  it('forgets failures once they leave the window, and the wait shrinks with them', () => {
    const { clock, limiter: rate } = limiter(2, 60_000);
    const start = clock.now;
    for (const at of [0, 10_000, 20_000, 40_000]) {
      clock.now = start + at;
      admitted(rate, 'anna').fail();
    }
    clock.now = start + 59_999;
    expect(waitOf(rate, 'anna')).toBe(21);
    clock.now = start + 60_000;
    expect(waitOf(rate, 'anna')).toBe(0);
    clock.now = start + 100_000;
    admitted(rate, 'anna').fail();
    expect(waitOf(rate, 'anna')).toBe(0);
  });

  it('counts attempts in flight as failures: at most the limit at once, then one at a time', () => {
    const { clock, limiter: rate } = limiter();
    const first = admitted(rate, 'anna');
    const second = admitted(rate, 'anna');
    const third = admitted(rate, 'anna');
    expect(rate.begin('anna')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    first.release();
    const fourth = admitted(rate, 'anna');
    expect(rate.begin('anna').allowed).toBe(false);
    second.fail();
    third.fail();
    fourth.fail();
    clock.now += 10_000;
    const past = admitted(rate, 'anna');
    expect(rate.begin('anna')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    past.release();
    expect(waitOf(rate, 'anna')).toBe(0);
  });

  it('forgives the earlier failures on success, not on release, and settles an attempt only once', () => {
    const { limiter: rate } = limiter(2);
    admitted(rate, 'anna').fail();
    const released = admitted(rate, 'anna');
    released.release();
    released.fail();
    expect(waitOf(rate, 'anna')).toBe(0);
    admitted(rate, 'anna').fail();
    expect(waitOf(rate, 'anna')).toBe(10);

    const { clock, limiter: other } = limiter(2);
    admitted(other, 'bob').fail();
    admitted(other, 'bob').fail();
    clock.now += 10_000;
    const lucky = admitted(other, 'bob');
    lucky.succeed();
    lucky.fail();
    admitted(other, 'bob').fail();
    expect(waitOf(other, 'bob')).toBe(0);
  });

  it('stays correct across the sweep of many idle keys', () => {
    const { clock, limiter: rate } = limiter(1, 1_000);
    for (let index = 0; index < 3_000; index += 1) admitted(rate, `k${index}`).fail();
    clock.now += 1_000;
    admitted(rate, 'fresh').fail();
    const held = admitted(rate, 'held');
    for (let index = 0; index < 3_000; index += 1) admitted(rate, `m${index}`).fail();
    expect(waitOf(rate, 'k1')).toBe(0);
    expect(waitOf(rate, 'fresh')).toBe(10);
    expect(waitOf(rate, 'm2999')).toBe(10);
    expect(waitOf(rate, 'held')).toBe(10);
    held.fail();
    expect(waitOf(rate, 'held')).toBe(10);
  });

  it('defaults to a first wait of 30 s and a longest of 5 minutes', () => {
    const clock = { now: 0 };
    const rate = createRateLimiter({ limit: 1, windowMs: 3_600_000, now: () => clock.now });
    const waits: number[] = [];
    for (let index = 0; index < 7; index += 1) {
      clock.now += waitOf(rate, 'anna') * 1000;
      admitted(rate, 'anna').fail();
      waits.push(waitOf(rate, 'anna'));
    }
    expect(waits).toEqual([30, 60, 120, 240, 300, 300, 300]);
  });

  it('rejects nonsense settings', () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 1 })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 1, windowMs: 1, firstDelayMs: 0 })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 1, windowMs: 1, firstDelayMs: 2, maxDelayMs: 1 })).toThrow(RangeError);
  });
});
