import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { User } from '../../../shared/api.ts';
import { createLoginThrottle } from '../../../server/auth/login-throttle.ts';
import { createCredentialCheck } from '../../../server/http/credential-check.ts';
import type { AppEnv } from '../../../server/http/env.ts';
import { handleErrors } from '../../../server/http/errors.ts';
import { createLogger } from '../../../server/log.ts';
import { Writable } from 'node:stream';

const anna: User = { username: 'anna', role: 'cashier' };

/** A route that only checks credentials, with a password store that can be made to fail. */
function appWith(authenticate: (username: string, password: string) => Promise<User | null>, clock = { now: 0 }) {
  const log = createLogger({ level: 'fatal', destination: new Writable({ write: (_chunk, _encoding, done) => done() }) });
  const check = createCredentialCheck({ authenticate }, createLoginThrottle({ perUsername: { limit: 1, windowMs: 3_600_000 }, now: () => clock.now }));
  const app = new Hono<AppEnv>();
  app.onError(handleErrors(log));
  app.post('/check', async (c) => {
    const { username, password } = await c.req.json<{ username: string; password: string }>();
    const outcome = await check(c, username, password);
    return outcome instanceof Response ? outcome : c.json(outcome);
  });
  return (password: string) => app.request('/check', { method: 'POST', body: JSON.stringify({ username: 'anna', password }) });
}

describe('createCredentialCheck', () => {
  it('does not count a check that failed with an error as a guess', async () => {
    let broken = true;
    const send = appWith(async (_username, password) => {
      if (broken) throw new Error('database gone');
      return password === 'right-password' ? anna : null;
    });
    expect((await send('any-password')).status).toBe(500);
    broken = false;
    expect((await send('wrong-password')).status).toBe(401);
    const refused = await send('right-password');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('30');
  });

  it('forgives the username\'s failures when the password is right', async () => {
    const clock = { now: 0 };
    const send = appWith(async (_username, password) => (password === 'right-password' ? anna : null), clock);
    expect((await send('wrong-password')).status).toBe(401);
    clock.now += 30_000;
    expect((await send('right-password')).status).toBe(200);
    expect((await send('wrong-password')).status).toBe(401);
    expect((await send('right-password')).headers.get('Retry-After')).toBe('30');
  });
});
