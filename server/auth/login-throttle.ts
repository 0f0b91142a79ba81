import { type Admission, createRateLimiter, type RateLimiterFactory, type RateLimiterOptions } from './throttle.ts';
import { normaliseUsername } from './usernames.ts';

export type LimitSettings = Pick<RateLimiterOptions, 'limit' | 'windowMs' | 'firstDelayMs' | 'maxDelayMs'>;

export interface LoginThrottleOptions {
  perUsername?: LimitSettings;
  perIp?: LimitSettings;
  now?: () => number;
  /** Where the counts live: in memory by default, in the database when instances share them. */
  limiters?: RateLimiterFactory;
}

export interface LoginAttempt {
  username: string;
  ip: string;
}

export interface LoginThrottle {
  begin(attempt: LoginAttempt): Promise<Admission>;
}

const minute = 60_000;

/**
 * A username's failures count for a day, so waiting out the longest wait (5 minutes) does not
 * buy a guesser fresh free tries; a correct password forgives them. An address's count is kept
 * for 15 minutes, so the typos of a shop's staff behind one address fade.
 */
export const defaultLoginLimits = {
  perUsername: { limit: 5, windowMs: 24 * 60 * minute },
  perIp: { limit: 20, windowMs: 15 * minute },
} as const satisfies Record<string, LimitSettings>;

/**
 * Per-username limits stop guessing one account's password; per-IP limits stop one device
 * trying many accounts. An attempt must pass both, and the longer wait is the one reported.
 */
export function createLoginThrottle(options: LoginThrottleOptions = {}): LoginThrottle {
  const limiter = options.limiters ?? ((_scope: string, settings: RateLimiterOptions) => createRateLimiter(settings));
  const byUsername = limiter('login-username', { ...(options.perUsername ?? defaultLoginLimits.perUsername), now: options.now });
  const byIp = limiter('login-address', { ...(options.perIp ?? defaultLoginLimits.perIp), now: options.now });

  return {
    async begin({ username, ip }) {
      const [user, device] = await Promise.all([byUsername.begin(normaliseUsername(username)), byIp.begin(ip)]);
      if (!user.allowed || !device.allowed) {
        if (user.allowed) await user.attempt.release();
        if (device.allowed) await device.attempt.release();
        const wait = (admission: Admission) => (admission.allowed ? 0 : admission.retryAfterSeconds);
        return { allowed: false, retryAfterSeconds: Math.max(wait(user), wait(device)) };
      }
      return {
        allowed: true,
        attempt: {
          async fail() {
            await Promise.all([user.attempt.fail(), device.attempt.fail()]);
          },
          // The address's count stands: otherwise signing in to one's own account between guesses would reset it.
          async succeed() {
            await Promise.all([user.attempt.succeed(), device.attempt.release()]);
          },
          async release() {
            await Promise.all([user.attempt.release(), device.attempt.release()]);
          },
        },
      };
    },
  };
}
