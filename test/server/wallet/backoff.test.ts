import { describe, expect, it } from 'vitest';
import { readRetryDelayMs } from '../../../server/wallet/backoff.ts';

describe('readRetryDelayMs', () => {
  it('grows exponentially from half a second, scaled by the jitter and never below half a second', () => {
    expect([0, 1, 2, 3].map((retry) => readRetryDelayMs(retry, () => 0.5))).toEqual([500, 750, 1500, 3000]);
    expect([0, 1, 2, 3].map((retry) => readRetryDelayMs(retry, () => 0))).toEqual([500, 500, 1000, 2000]);
  });

  it('stays between 0.5 s and 5 s whatever the jitter and the retry number', () => {
    for (const random of [0, 0.999999]) {
      for (let retry = 0; retry < 10; retry++) {
        const delay = readRetryDelayMs(retry, () => random);
        expect(delay).toBeGreaterThanOrEqual(500);
        expect(delay).toBeLessThanOrEqual(5000);
      }
    }
    expect(readRetryDelayMs(0, () => 0)).toBe(500);
    expect(readRetryDelayMs(8, () => 0.999999)).toBe(5000);
  });
});
