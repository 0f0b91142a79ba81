import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../server/auth/throttle.ts';

function limiter(limit = 3, windowMs = 60_000) {
  const clock = { now: 1_000_000 };
  return { clock, limiter: createRateLimiter({ limit, windowMs, now: () => clock.now }) };
}

describe('createRateLimiter', () => {
  it('allows until the limit of failures, then refuses with the wait', () => {
    const { clock, limiter: rate } = limiter();
    rate.fail('anna');
    clock.now += 10_000;
    rate.fail('anna');
    expect(rate.check('anna')).toEqual({ allowed: true, retryAfterSeconds: 0 });
    rate.fail('anna');
    expect(rate.check('anna')).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(rate.check('bob').allowed).toBe(true);
  });

  it('slides: each failure leaves the window on its own', () => {
    const { clock, limiter: rate } = limiter();
    rate.fail('anna');
    clock.now += 10_000;
    rate.fail('anna');
    rate.fail('anna');
    clock.now += 49_999;
    expect(rate.check('anna')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.now += 1;
    expect(rate.check('anna')).toEqual({ allowed: true, retryAfterSeconds: 0 });
    rate.fail('anna');
    expect(rate.check('anna')).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('forgets a key on success', () => {
    const { limiter: rate } = limiter(1);
    rate.fail('anna');
    expect(rate.check('anna').allowed).toBe(false);
    rate.succeed('anna');
    expect(rate.check('anna').allowed).toBe(true);
  });

  it('keeps refusing while failures continue past the limit', () => {
    const { clock, limiter: rate } = limiter(2, 10_000);
    for (let index = 0; index < 5; index += 1) {
      rate.fail('ip');
      clock.now += 4_000;
    }
    expect(rate.check('ip')).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it('stays correct across the sweep of many expired keys', () => {
    const { clock, limiter: rate } = limiter(1, 1_000);
    for (let index = 0; index < 3_000; index += 1) rate.fail(`k${index}`);
    clock.now += 1_000;
    rate.fail('fresh');
    for (let index = 0; index < 3_000; index += 1) rate.fail(`m${index}`);
    expect(rate.check('k1').allowed).toBe(true);
    expect(rate.check('fresh').allowed).toBe(false);
    expect(rate.check('m2999').allowed).toBe(false);
  });

  it('rejects nonsense settings', () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 1 })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError);
  });
});
