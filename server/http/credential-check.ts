import type { Context } from 'hono';
import type { User } from '../../shared/api.ts';
import type { Accounts } from '../auth/accounts.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import { clientAddress } from './client-address.ts';
import type { AppEnv } from './env.ts';
import { errorResponse } from './errors.ts';

export type CredentialCheck = <E extends AppEnv>(c: Context<E>, username: string, password: string) => Promise<User | Response>;

/**
 * Checks a username and password under the sign-in throttle; sign-in and supervisor approval
 * share it, so approval cannot be used to guess passwords faster. Any wrong username or password
 * gets the same answer.
 */
export function createCredentialCheck(accounts: Pick<Accounts, 'authenticate'>, throttle: LoginThrottle): CredentialCheck {
  return async (c, username, password) => {
    const attempt = { username, ip: clientAddress(c) };
    const verdict = throttle.check(attempt);
    if (!verdict.allowed) {
      c.header('Retry-After', String(Math.max(1, verdict.retryAfterSeconds)));
      return errorResponse(c, 'RATE_LIMITED');
    }
    const user = await accounts.authenticate(username, password);
    if (!user) {
      throttle.fail(attempt);
      return errorResponse(c, 'INVALID_CREDENTIALS');
    }
    throttle.succeed(attempt);
    return user;
  };
}
