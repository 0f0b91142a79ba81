import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Role, User } from '../../shared/api.ts';
import { errorBody } from '../../shared/errors.ts';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './env.ts';

export const sessionCookie = 'kasa_session';

/** Resolves the session cookie into `c.var.user` (null when absent, unknown or expired). */
export function resolveSession(sessions: AppDeps['sessions']): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, sessionCookie) ?? null;
    const user = token ? await sessions.resolve(token) : null;
    c.set('user', user);
    c.set('sessionToken', user ? token : null);
    await next();
  };
}

/** "cashier+" and "supervisor+" of design §3. */
export const cashierRoles: readonly Role[] = ['cashier', 'supervisor', 'admin'];
export const supervisorRoles: readonly Role[] = ['supervisor', 'admin'];

export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user) return c.json(errorBody('UNAUTHENTICATED'), 401);
    if (!roles.includes(user.role)) return c.json(errorBody('FORBIDDEN'), 403);
    return next();
  };
}

/** The signed-in user behind a route guarded by requireRole. */
export function currentUser<E extends AppEnv>(c: Context<E>): User {
  const user = c.get('user');
  if (!user) throw new Error('a guarded route ran without a signed-in user');
  return user;
}

// Secure whenever the browser sees HTTPS, also when a TLS-terminating proxy speaks plain HTTP to us.
const isHttps = <E extends AppEnv>(c: Context<E>) => c.get('https') === true;

export function setSessionCookie<E extends AppEnv>(c: Context<E>, token: string): void {
  setCookie(c, sessionCookie, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c) });
}

export function clearSessionCookie<E extends AppEnv>(c: Context<E>): void {
  deleteCookie(c, sessionCookie, { httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c) });
}
