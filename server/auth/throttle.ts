import { retryAfterSeconds, throttleRule } from './throttle-rule.ts';

export interface RateLimiterOptions {
  /** Failures within the window that cost no wait. */
  limit: number;
  /** How long a failure counts. */
  windowMs: number;
  /** The wait after the limit is reached; it doubles with every further failure. 30 s by default. */
  firstDelayMs?: number;
  /** The longest wait, so a guesser can slow a key down but never shut it for long. 5 minutes by default. */
  maxDelayMs?: number;
  now?: () => number;
}

/** One admitted attempt, counted as a failure from `begin` until it is settled. Only the first settlement counts. */
export interface Attempt {
  /** It was a failure (a wrong password, a wrong code). */
  fail(): Promise<void>;
  /** It succeeded: not a failure, and the key's earlier failures are forgiven. */
  succeed(): Promise<void>;
  /** It was neither (bad input, an error): not a failure, and earlier failures stand. */
  release(): Promise<void>;
}

export type Admission = { allowed: true; attempt: Attempt } | { allowed: false; retryAfterSeconds: number };

/**
 * Small on purpose, and asynchronous although this one is in memory: a limiter whose counts live
 * in the database, shared by several instances (design §3.2), implements the same one call.
 */
export interface RateLimiter {
  begin(key: string): Promise<Admission>;
}

/**
 * Makes the limiter named `scope` (one per kind of count: sign-ins per username, per address,
 * wrong codes); where counts are shared by several instances, the scope keeps kinds apart.
 */
export type RateLimiterFactory = (scope: string, options: RateLimiterOptions) => RateLimiter;

interface KeyState {
  /** Times of the newest failures, oldest first. */
  failures: number[];
  inFlight: number;
}

/**
 * In-memory limiter per key with the growing waits of `throttleRule`. An attempt counts as a
 * failure from the moment it is admitted until it settles, so attempts that arrive together cannot
 * all pass the same count: at most `limit` are in flight below the limit, and at most one once a
 * wait applies. State is lost on restart, which only lets an attacker start afresh; nothing here
 * is a security record.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const rule = throttleRule(options);
  const now = options.now ?? Date.now;
  const states = new Map<string, KeyState>();
  // Idle keys are swept whenever the map has doubled since the last sweep, so memory follows live keys.
  let sweepAt = 1024;

  function live(key: string, at: number): KeyState | undefined {
    const state = states.get(key);
    if (!state) return undefined;
    state.failures = rule.live(state.failures, at);
    if (state.failures.length === 0 && state.inFlight === 0) {
      states.delete(key);
      return undefined;
    }
    return state;
  }

  function sweep(at: number): void {
    for (const key of states.keys()) live(key, at);
    sweepAt = Math.max(1024, states.size * 2);
  }

  function admit(key: string): Attempt {
    const state = states.get(key) ?? { failures: [], inFlight: 0 };
    state.inFlight += 1;
    states.set(key, state);
    if (states.size >= sweepAt) sweep(now());
    let settled = false;
    const settle = async (change: (at: number) => void) => {
      if (settled) return;
      settled = true;
      state.inFlight -= 1;
      change(now());
      if (state.failures.length === 0 && state.inFlight === 0) states.delete(key);
    };
    return {
      fail: () =>
        settle((at) => {
          state.failures = rule.afterFailure(state.failures, at);
        }),
      succeed: () =>
        settle(() => {
          state.failures = [];
        }),
      release: () => settle(() => {}),
    };
  }

  return {
    async begin(key) {
      const at = now();
      const state = live(key, at);
      const waitMs = state ? rule.refusal(state.failures, state.inFlight, at) : null;
      if (waitMs !== null) return { allowed: false, retryAfterSeconds: retryAfterSeconds(waitMs) };
      return { allowed: true, attempt: admit(key) };
    },
  };
}
