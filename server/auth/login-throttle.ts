import { createRateLimiter, type RateDecision } from './throttle.ts';
import { normaliseUsername } from './usernames.ts';

export interface LimitSettings {
  limit: number;
  windowMs: number;
}

export interface LoginThrottleOptions {
  perUsername?: LimitSettings;
  perIp?: LimitSettings;
  now?: () => number;
}

export interface LoginAttempt {
  username: string;
  ip: string;
}

export interface LoginThrottle {
  check(attempt: LoginAttempt): RateDecision;
  fail(attempt: LoginAttempt): void;
  succeed(attempt: LoginAttempt): void;
}

const fifteenMinutes = 15 * 60 * 1000;

/**
 * Per-username limits stop guessing one account's password; per-IP limits stop one device
 * trying many accounts. Both are checked, and the longer wait wins.
 */
export function createLoginThrottle(options: LoginThrottleOptions = {}): LoginThrottle {
  const byUsername = createRateLimiter({ ...(options.perUsername ?? { limit: 5, windowMs: fifteenMinutes }), now: options.now });
  const byIp = createRateLimiter({ ...(options.perIp ?? { limit: 20, windowMs: fifteenMinutes }), now: options.now });

  return {
    check({ username, ip }) {
      const user = byUsername.check(normaliseUsername(username));
      const device = byIp.check(ip);
      return { allowed: user.allowed && device.allowed, retryAfterSeconds: Math.max(user.retryAfterSeconds, device.retryAfterSeconds) };
    },
    fail({ username, ip }) {
      byUsername.fail(normaliseUsername(username));
      byIp.fail(ip);
    },
    // The IP's count is kept: otherwise signing in to one's own account between guesses would reset it.
    succeed({ username }) {
      byUsername.succeed(normaliseUsername(username));
    },
  };
}
