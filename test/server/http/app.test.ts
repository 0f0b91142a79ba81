import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginThrottle } from '../../../server/auth/login-throttle.ts';
import { createApp } from '../../../server/http/app.ts';
import { contentSecurityPolicy } from '../../../server/http/security-headers.ts';
import { call, errorOf, origin, password, signIn, startHarness, users, type Harness } from './harness.ts';

let h: Harness;
let cashier = '';
let supervisor = '';

beforeAll(async () => {
  h = await startHarness({ env: { PUBLIC_ORIGIN: 'http://kasa.example.com' } });
  cashier = await signIn(h, users.cashier);
  supervisor = await signIn(h, users.supervisor);
});
afterAll(async () => {
  await h?.close();
});

function expectErrorShape(body: unknown, code: string) {
  expect(body).toEqual({ error: { code, message: expect.any(String), action: expect.any(String) } });
}

describe('one error shape', () => {
  it('400 for malformed JSON, in the JSON shape rather than a text 400', async () => {
    const response = await call(h, 'POST', '/api/cashouts', { cookie: cashier, body: '{"amount": "50.00",' });
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expectErrorShape(await response.json(), 'INVALID_INPUT');
  });

  it('400 for a schema violation, with the first issue and without echoing the input', async () => {
    const response = await call(h, 'POST', '/api/cashouts', { cookie: cashier, body: { amount: '12,50<script>' } });
    expect(response.status).toBe(400);
    const text = await response.text();
    expectErrorShape(JSON.parse(text), 'INVALID_INPUT');
    expect(text).not.toContain('12,50');
    expect(text).not.toContain('<script>');
  });

  it('401 without a session', async () => {
    const response = await call(h, 'GET', '/api/cashouts');
    expect(response.status).toBe(401);
    expectErrorShape(await response.json(), 'UNAUTHENTICATED');
  });

  it('403 for a cashier on supervisor routes', async () => {
    const response = await call(h, 'GET', '/api/reports/daily', { cookie: cashier });
    expect(response.status).toBe(403);
    expectErrorShape(await response.json(), 'FORBIDDEN');
  });

  it('404 for an unknown API route, for any method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const response = await call(h, method, '/api/nothing-here', { cookie: cashier });
      expect(response.status).toBe(404);
      expectErrorShape(await response.json(), 'NOT_FOUND');
    }
  });

  it('413 for an oversize body', async () => {
    const response = await call(h, 'POST', '/api/session', { body: { username: 'x'.repeat(20_000), password } });
    expect(response.status).toBe(413);
    expectErrorShape(await response.json(), 'PAYLOAD_TOO_LARGE');
  });

  it('415 for a body that is not JSON, even when it would parse as JSON', async () => {
    const response = await call(h, 'POST', '/api/session', {
      body: JSON.stringify({ username: users.cashier, password }),
      contentType: 'text/plain',
    });
    expect(response.status).toBe(415);
    expectErrorShape(await response.json(), 'UNSUPPORTED_MEDIA_TYPE');
    expect(response.headers.get('Set-Cookie')).toBeNull();
  });

  it('422 for an amount above the limit', async () => {
    const response = await call(h, 'POST', '/api/cashouts', { cookie: cashier, body: { amount: '1000.01', currency: 'EUR' } });
    expect(response.status).toBe(422);
    expectErrorShape(await response.json(), 'LIMIT_EXCEEDED');
  });

  it('409 for an operation the cash-out state does not allow', async () => {
    const created = await call(h, 'POST', '/api/cashouts', { cookie: cashier, body: { amount: '10.00', currency: 'EUR' } });
    const { id } = (await created.json()) as { id: string };
    const response = await call(h, 'POST', `/api/cashouts/${id}/confirm`, { cookie: cashier, body: { identityChecks: ['document', 'photo'] } });
    expect(response.status).toBe(409);
    expectErrorShape(await response.json(), 'WRONG_STATE');
  });

  it('500 for anything unexpected: logged, never echoing the error or the request', async () => {
    const failing = await startHarness();
    try {
      const app = createApp({
        ...failing.deps,
        health: async () => {
          throw new Error('disk on fire at /var/secret');
        },
      });
      const response = await call({ app }, 'GET', '/api/health');
      expect(response.status).toBe(500);
      const text = await response.text();
      expectErrorShape(JSON.parse(text), 'INTERNAL');
      expect(text).not.toContain('disk on fire');
      expect(failing.logLines.join('')).toContain('disk on fire');
    } finally {
      await failing.close();
    }
  });
});

describe('security headers', () => {
  it('are on API answers, errors included, and plain HTTP gets no HSTS', async () => {
    for (const response of [await call(h, 'GET', '/api/health'), await call(h, 'GET', '/api/nope')]) {
      expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
      expect(response.headers.get('Content-Security-Policy')).not.toContain('unsafe-inline');
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(response.headers.get('Permissions-Policy')).toBe('camera=(self), microphone=(), geolocation=()');
      expect(response.headers.get('X-Frame-Options')).toBe('DENY');
      expect(response.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      expect(response.headers.get('Strict-Transport-Security')).toBeNull();
    }
  });

  it('include HSTS under TLS', async () => {
    const response = await call(h, 'GET', '/api/health', { base: 'https://kasa.test' });
    expect(response.headers.get('Strict-Transport-Security')).toMatch(/^max-age=\d+/);
  });
});

describe('CSRF origin check', () => {
  const login = { username: users.cashier, password };

  it('refuses a state-changing request from another origin', async () => {
    const response = await call(h, 'POST', '/api/session', { body: login, origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatchObject({ code: 'CSRF_REJECTED' });
  });

  it('refuses a state-changing request without Origin, sign-out included', async () => {
    const noOrigin = await call(h, 'POST', '/api/session', { body: login, origin: null });
    expect(noOrigin.status).toBe(403);
    expect(await errorOf(noOrigin)).toMatchObject({ code: 'CSRF_REJECTED' });
    const signOut = await call(h, 'DELETE', '/api/session', { cookie: cashier, origin: null });
    expect(signOut.status).toBe(403);
  });

  it('refuses the same host under another scheme', async () => {
    const response = await call(h, 'POST', '/api/session', { body: login, origin: 'https://kasa.test' });
    expect(response.status).toBe(403);
  });

  it('accepts the own origin and the configured public origin', async () => {
    expect((await call(h, 'POST', '/api/session', { body: login, origin })).status).toBe(200);
    expect((await call(h, 'POST', '/api/session', { body: login, origin: 'http://kasa.example.com' })).status).toBe(200);
  });

  it('lets reads through without Origin', async () => {
    expect((await call(h, 'GET', '/api/session', { cookie: cashier, origin: null })).status).toBe(200);
  });
});

describe('sessions', () => {
  it('sets an HttpOnly, SameSite=Strict, Path=/ cookie, not Secure over HTTP', async () => {
    const response = await call(h, 'POST', '/api/session', { body: { username: users.cashier, password } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ user: { username: users.cashier, role: 'cashier' } });
    const cookie = response.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/^kasa_session=[^;]+/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
  });

  it('marks the cookie Secure when served over HTTPS', async () => {
    const response = await call(h, 'POST', '/api/session', { base: 'https://kasa.test', body: { username: users.cashier, password } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Set-Cookie')).toContain('Secure');
  });

  it('answers any wrong username or password with the same INVALID_CREDENTIALS', async () => {
    const wrongPassword = await call(h, 'POST', '/api/session', { body: { username: users.otherCashier, password: 'not-the-password' } });
    const unknownUser = await call(h, 'POST', '/api/session', { body: { username: 'nobody', password } });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(await errorOf(wrongPassword)).toEqual(await errorOf(unknownUser));
  });

  it('tells who is signed in and signs out', async () => {
    const cookie = await signIn(h, users.otherCashier);
    const me = await call(h, 'GET', '/api/session', { cookie });
    expect(await me.json()).toEqual({ user: { username: users.otherCashier, role: 'cashier' } });
    const out = await call(h, 'DELETE', '/api/session', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('Set-Cookie')).toMatch(/kasa_session=;.*Max-Age=0/);
    const after = await call(h, 'GET', '/api/session', { cookie });
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ user: null });
    expect((await call(h, 'GET', '/api/config', { cookie })).status).toBe(401);
  });

  it('answers "nobody" to a forged cookie and refuses it everywhere else', async () => {
    const forged = await call(h, 'GET', '/api/session', { cookie: 'kasa_session=forged' });
    expect(forged.status).toBe(200);
    expect(await forged.json()).toEqual({ user: null });
    expect((await call(h, 'GET', '/api/config', { cookie: 'kasa_session=forged' })).status).toBe(401);
    expect((await call(h, 'DELETE', '/api/session', { cookie: 'kasa_session=forged' })).status).toBe(401);
  });
});

describe('authentication and roles', () => {
  const moneyRoutes: [string, string, unknown?][] = [
    ['GET', '/api/config'],
    ['GET', '/api/cashouts?date=2026-11-26'],
    ['POST', '/api/cashouts', { amount: '10.00', currency: 'EUR' }],
    ['GET', '/api/cashouts/some-id'],
    ['POST', '/api/cashouts/some-id/reserve', { code: '0155567464130298871198969060' }],
    ['POST', '/api/cashouts/some-id/approve', { username: users.supervisor, password }],
    ['POST', '/api/cashouts/some-id/confirm', { identityChecks: ['document', 'photo'] }],
    ['POST', '/api/cashouts/some-id/cancel'],
    ['GET', '/api/reports/daily?date=2026-11-26'],
    ['GET', '/api/audit'],
    ['GET', '/api/audit.csv'],
    ['GET', '/api/audit/verify'],
  ];

  it.each(moneyRoutes)('401 on %s %s without a session', async (method, path, body) => {
    const response = await call(h, method, path, body === undefined ? {} : { body });
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('keeps reports and audit to supervisors and admins', async () => {
    const admin = await signIn(h, users.admin);
    for (const path of ['/api/reports/daily', '/api/audit', '/api/audit.csv', '/api/audit/verify']) {
      expect((await call(h, 'GET', path, { cookie: cashier })).status).toBe(403);
      expect((await call(h, 'GET', path, { cookie: supervisor })).status).toBe(200);
      expect((await call(h, 'GET', path, { cookie: admin })).status).toBe(200);
    }
  });

  it('lets cashiers reach their money routes', async () => {
    expect((await call(h, 'GET', '/api/cashouts', { cookie: cashier })).status).toBe(200);
    expect((await call(h, 'GET', '/api/config', { cookie: cashier })).status).toBe(200);
  });
});

describe('sign-in throttling', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a username had too many failures, even for the right password', async () => {
    const throttled = await startHarness({ loginThrottle: createLoginThrottle({ perUsername: { limit: 3, windowMs: 60_000 } }) });
    try {
      for (let i = 0; i < 3; i++) {
        const wrong = await call(throttled, 'POST', '/api/session', { body: { username: users.cashier, password: 'wrong-password' } });
        expect(wrong.status).toBe(401);
      }
      const refused = await call(throttled, 'POST', '/api/session', { body: { username: users.cashier, password } });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect(await errorOf(refused)).toMatchObject({ code: 'RATE_LIMITED' });
      expect((await call(throttled, 'POST', '/api/session', { body: { username: users.supervisor, password } })).status).toBe(200);
    } finally {
      await throttled.close();
    }
  });

  it('throttles per client address across usernames', async () => {
    const throttled = await startHarness({ loginThrottle: createLoginThrottle({ perIp: { limit: 2, windowMs: 60_000 } }) });
    try {
      await call(throttled, 'POST', '/api/session', { body: { username: 'guess-one', password: 'wrong-password' } });
      await call(throttled, 'POST', '/api/session', { body: { username: 'guess-two', password: 'wrong-password' } });
      const refused = await call(throttled, 'POST', '/api/session', { body: { username: users.cashier, password } });
      expect(refused.status).toBe(429);
    } finally {
      await throttled.close();
    }
  });
});
