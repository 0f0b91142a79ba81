const minDelayMs = 500;
const maxDelayMs = 5000;

/**
 * Delay before read retry number `retry` (0-based), as stripe-node does it: exponential from
 * 0.5 s, capped at 5 s, scaled by a random factor in [0.5, 1) so that many tills do not retry in step.
 */
export function readRetryDelayMs(retry: number, random: () => number): number {
  const base = Math.min(minDelayMs * 2 ** retry, maxDelayMs);
  const jittered = base * 0.5 * (1 + random());
  return Math.round(Math.min(Math.max(jittered, minDelayMs), maxDelayMs));
}
