export interface RateLimiterOptions {
  /** Failures allowed within the window; the next attempt is refused. */
  limit: number;
  windowMs: number;
  now?: () => number;
}

export interface RateDecision {
  allowed: boolean;
  /** 0 when allowed; otherwise whole seconds until the oldest failure leaves the window. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  check(key: string): RateDecision;
  fail(key: string): void;
  /** Forgets the key's failures (a correct password, a valid code). */
  succeed(key: string): void;
}

/**
 * In-memory sliding-window limiter counting failures per key. Used for logins (per username and
 * per IP) and for wrong reservation codes (per cashier). State is lost on restart, which only
 * lets an attacker start a fresh window; nothing here is a security record.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, windowMs } = options;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
  if (!(windowMs > 0)) throw new RangeError('windowMs must be positive');
  const now = options.now ?? Date.now;
  const failures = new Map<string, number[]>();
  // Expired keys are swept whenever the map has doubled since the last sweep, so memory follows live keys.
  let sweepAt = 1024;

  function recent(key: string, at: number): number[] {
    const times = failures.get(key);
    if (!times) return [];
    const live = times.filter((time) => at - time < windowMs);
    if (live.length === 0) failures.delete(key);
    else if (live.length !== times.length) failures.set(key, live);
    return live;
  }

  function sweep(at: number): void {
    for (const key of failures.keys()) recent(key, at);
    sweepAt = Math.max(1024, failures.size * 2);
  }

  return {
    check(key) {
      const at = now();
      const live = recent(key, at);
      const oldest = live[live.length - limit];
      if (live.length < limit || oldest === undefined) return { allowed: true, retryAfterSeconds: 0 };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - at) / 1000)) };
    },
    fail(key) {
      const at = now();
      // Only the newest `limit` failures can decide a refusal, so older ones need not be kept.
      const live = [...recent(key, at), at].slice(-limit);
      failures.set(key, live);
      if (failures.size >= sweepAt) sweep(at);
    },
    succeed(key) {
      failures.delete(key);
    },
  };
}
