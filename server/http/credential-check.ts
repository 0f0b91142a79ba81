import type { Context } from 'hono';
import type { User } from '../../shared/api.ts';
import type { Accounts } from '../auth/accounts.ts';
import { createCheckSlots } from '../auth/check-slots.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import { clientAddress } from './client-address.ts';
import type { AppEnv } from './env.ts';
import { errorResponse } from './errors.ts';

/** Half of libuv's default pool: one address's burst leaves the other half to everyone else. */
export const checksPerAddress = 2;

export type CredentialCheck = <E extends AppEnv>(c: Context<E>, username: string, password: string) => Promise<User | Response>;

/**
 * Checks a username and password under the sign-in throttle; sign-in and supervisor approval
 * share it, so approval cannot be used to guess passwords faster. The attempt is counted as a
 * failure before scrypt runs, so guesses sent together cannot all slip past one count, and the
 * admitted ones take at most `checksPerAddress` of scrypt's threads. Any wrong username or
 * password gets the same answer.
 */
export function createCredentialCheck(accounts: Pick<Accounts, 'authenticate'>, throttle: LoginThrottle): CredentialCheck {
  const slots = createCheckSlots(checksPerAddress);
  return async (c, username, password) => {
    const ip = clientAddress(c);
    const admission = await throttle.begin({ username, ip });
    if (!admission.allowed) {
      c.header('Retry-After', String(admission.retryAfterSeconds));
      return errorResponse(c, 'RATE_LIMITED', `Too many wrong passwords. Wait ${admission.retryAfterSeconds} s before the next try.`);
    }
    const { attempt } = admission;
    try {
      const user = await slots.run(ip, () => accounts.authenticate(username, password));
      if (!user) {
        await attempt.fail();
        return errorResponse(c, 'INVALID_CREDENTIALS');
      }
      await attempt.succeed();
      return user;
    } finally {
      // A check that threw was no guess; without this it would count as one forever.
      await attempt.release();
    }
  };
}
