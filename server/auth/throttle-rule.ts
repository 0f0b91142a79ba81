import type { RateLimiterOptions } from './throttle.ts';

const defaultFirstDelayMs = 30_000;
const defaultMaxDelayMs = 5 * 60_000;

/**
 * The one decision every limiter makes, in memory or in the database (design §3.2): pure, so the
 * two cannot drift apart. Up to `limit` failures in the window cost nothing; after that the next
 * attempt must wait `firstDelayMs`, doubled for every further failure, at most `maxDelayMs`, counted
 * from the newest failure. Attempts in flight count as failures until they settle.
 */
export interface ThrottleRule {
  windowMs: number;
  /** Past this many failures the wait is at its longest, so older ones cannot change a decision. */
  kept: number;
  /** The failures (times, oldest first) that still count at `at`. */
  live(failures: readonly number[], at: number): number[];
  /** The wait in ms before an attempt may begin, or null if it may begin now; `failures` are live ones. */
  refusal(failures: readonly number[], inFlight: number, at: number): number | null;
  /** The failures kept after one more at `at`. */
  afterFailure(failures: readonly number[], at: number): number[];
}

export function throttleRule(options: RateLimiterOptions): ThrottleRule {
  const { limit, windowMs } = options;
  const firstDelayMs = options.firstDelayMs ?? defaultFirstDelayMs;
  const maxDelayMs = options.maxDelayMs ?? defaultMaxDelayMs;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
  if (!(windowMs > 0)) throw new RangeError('windowMs must be positive');
  if (!(firstDelayMs > 0) || !(maxDelayMs >= firstDelayMs)) throw new RangeError('delays must be positive, the longest no shorter than the first');
  const kept = limit + Math.ceil(Math.log2(maxDelayMs / firstDelayMs));
  const waitAfter = (failures: number): number => Math.min(firstDelayMs * 2 ** (failures - limit), maxDelayMs);

  return {
    windowMs,
    kept,
    live: (failures, at) => failures.filter((time) => at - time < windowMs),
    refusal(failures, inFlight, at) {
      const count = failures.length;
      if (count + inFlight < limit) return null;
      // Those in flight may all turn out failures; until they settle, that is what they are.
      if (inFlight > 0) return waitAfter(count + inFlight);
      const newest = failures[count - 1] ?? at;
      const readyAt = newest + waitAfter(count);
      return at >= readyAt ? null : readyAt - at;
    },
    afterFailure: (failures, at) => [...failures, at].slice(-kept),
  };
}

/** A wait as the whole seconds a refusal reports, never 0. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
