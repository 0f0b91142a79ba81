import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginThrottle } from '../../server/auth/login-throttle.ts';
import { parseConfig } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/start-server.ts';
import { startHarness, type Harness } from '../server/http/harness.ts';
import { rawRequest, setCookieFor, type RawResponse } from './support/raw-http.ts';

/**
 * Issue 10, MEDIUM and LOW: behind a reverse proxy Kasa must tell clients apart by the address the
 * proxy saw (and only when the proxy is trusted), must know the browser sees HTTPS, and must
 * refuse Host names that are not its own (DNS rebinding).
 */

const demoPasswords = { cashier: 'demo-cashier-password-1', supervisor: 'demo-supervisor-password-1' };

async function listen(h: Harness): Promise<{ origin: string; close(): Promise<void> }> {
  const server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function wrongSignIn(origin: string, forwardedFor: string): Promise<RawResponse> {
  return rawRequest(origin, {
    method: 'POST',
    path: '/api/session',
    headers: { 'Content-Type': 'application/json', Origin: origin, 'X-Forwarded-For': forwardedFor },
    body: JSON.stringify({ username: 'nobody', password: 'wrong-password' }),
  });
}

describe('client address behind a proxy', () => {
  // Two failures per address, then 429: the per-address throttle shows which address Kasa saw.
  const throttle = () => createLoginThrottle({ perIp: { limit: 2, windowMs: 60_000 }, perUsername: { limit: 100, windowMs: 60_000 } });

  it('takes X-Forwarded-For from a TRUST_PROXY peer, so one client cannot lock out the others', async () => {
    const h = await startHarness({ env: { TRUST_PROXY: '127.0.0.1' }, loginThrottle: throttle() });
    const server = await listen(h);
    try {
      expect((await wrongSignIn(server.origin, '198.51.100.1')).status).toBe(401);
      expect((await wrongSignIn(server.origin, '198.51.100.1')).status).toBe(401);
      expect((await wrongSignIn(server.origin, '198.51.100.1')).status).toBe(429);
      expect((await wrongSignIn(server.origin, '198.51.100.2')).status).toBe(401);
      // A client writing its own X-Forwarded-For in front of the proxy's entry changes nothing.
      expect((await wrongSignIn(server.origin, '203.0.113.50, 198.51.100.1')).status).toBe(429);
    } finally {
      await server.close();
      await h.close();
    }
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const h = await startHarness({ env: { TRUST_PROXY: '10.0.0.0/8' }, loginThrottle: throttle() });
    const server = await listen(h);
    try {
      expect((await wrongSignIn(server.origin, '198.51.100.1')).status).toBe(401);
      expect((await wrongSignIn(server.origin, '198.51.100.2')).status).toBe(401);
      expect((await wrongSignIn(server.origin, '198.51.100.3')).status).toBe(429);
    } finally {
      await server.close();
      await h.close();
    }
  });
});

describe('behind a TLS-terminating proxy, and the Host header', () => {
  let dataDir: string;
  let server: RunningServer;
  let port: string;
  const publicOrigin = 'https://kasa.example.com';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kasa-proxy-'));
    const parsed = parseConfig({ LOG_LEVEL: 'silent', PUBLIC_ORIGIN: publicOrigin, TRUST_PROXY: '127.0.0.1' });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    server = await startServer(parsed.config, { port: 0, host: '127.0.0.1', dataDir, demoPasswords });
    port = new URL(server.origin).port;
  });
  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const signIn = (host: string, origin: string) =>
    rawRequest(server.origin, {
      method: 'POST',
      path: '/api/session',
      headers: { Host: host, Origin: origin, 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.1' },
      body: JSON.stringify({ username: 'demo-cashier', password: demoPasswords.cashier }),
    });

  it('marks the cookie Secure and sends HSTS when PUBLIC_ORIGIN is https, though the proxy speaks HTTP', async () => {
    const response = await signIn('kasa.example.com', publicOrigin);
    expect(response.status).toBe(200);
    expect(setCookieFor(response.headers, 'kasa_session')).toMatch(/; Secure/);
    expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('refuses a rebound Host with a matching Origin before any route runs', async () => {
    const evil = `evil.example:${port}`;
    const response = await signIn(evil, `http://${evil}`);
    expect(response.status).toBe(421);
    expect(JSON.parse(response.body)).toEqual({ error: { code: 'UNKNOWN_HOST', message: expect.any(String), action: expect.any(String) } });
    expect(setCookieFor(response.headers, 'kasa_session')).toBeUndefined();
    expect(response.body).not.toContain('evil');
    for (const path of ['/api/health', '/', '/api/nope']) {
      expect((await rawRequest(server.origin, { method: 'GET', path, headers: { Host: evil } })).status).toBe(421);
    }
    expect((await rawRequest(server.origin, { method: 'GET', path: '/api/health', headers: { Host: 'kasa.example.com:8443' } })).status).toBe(421);
  });

  it("lets the server's own host:port, localhost, 127.0.0.1 and PUBLIC_ORIGIN's host through", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, 'kasa.example.com']) {
      const response = await rawRequest(server.origin, { method: 'GET', path: '/api/health', headers: { Host: host } });
      expect(response.status, host).toBe(200);
    }
    expect((await signIn(`localhost:${port}`, `http://localhost:${port}`)).status).toBe(200);
  });
});
