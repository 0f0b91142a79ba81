import { Hono } from 'hono';
import { type CurrentSessionResponse, loginRequest, type SessionResponse } from '../../../shared/api.ts';
import type { CredentialCheck } from '../credential-check.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { errorResponse } from '../errors.ts';
import { jsonBody } from '../json-body.ts';
import { clearSessionCookie, setSessionCookie } from '../session.ts';

export function sessionRoutes(sessions: AppDeps['sessions'], checkCredentials: CredentialCheck): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/', jsonBody(loginRequest), async (c) => {
    const { username, password } = c.get('body');
    const outcome = await checkCredentials(c, username, password);
    if (outcome instanceof Response) return outcome;
    // A fresh token on every sign-in; the one the browser held before is dropped (no session fixation).
    const previous = c.get('sessionToken');
    if (previous) await sessions.destroy(previous);
    setSessionCookie(c, await sessions.create(outcome.username));
    return c.json({ user: { username: outcome.username, role: outcome.role } } satisfies SessionResponse);
  });

  routes.get('/', (c) => {
    const user = c.get('user');
    return c.json({ user: user ? { username: user.username, role: user.role } : null } satisfies CurrentSessionResponse);
  });

  routes.delete('/', async (c) => {
    const token = c.get('sessionToken');
    if (!token) return errorResponse(c, 'UNAUTHENTICATED');
    await sessions.destroy(token);
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  return routes;
}
