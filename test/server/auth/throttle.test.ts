import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../server/auth/throttle.ts';
import { admitted, clockedLimiter, failOnce, rateLimiterBehaviour, waitOf } from './rate-limiter-behaviour.ts';

describe('createRateLimiter', () => {
  rateLimiterBehaviour(createRateLimiter);

  it('stays correct across the sweep of many idle keys', async () => {
    const { clock, limiter: rate } = clockedLimiter(createRateLimiter, 1, 1_000);
    for (let index = 0; index < 3_000; index += 1) await failOnce(rate, `k${index}`);
    clock.now += 1_000;
    await failOnce(rate, 'fresh');
    const held = await admitted(rate, 'held');
    for (let index = 0; index < 3_000; index += 1) await failOnce(rate, `m${index}`);
    expect(await waitOf(rate, 'k1')).toBe(0);
    expect(await waitOf(rate, 'fresh')).toBe(10);
    expect(await waitOf(rate, 'm2999')).toBe(10);
    expect(await waitOf(rate, 'held')).toBe(10);
    await held.fail();
    expect(await waitOf(rate, 'held')).toBe(10);
  });

});
