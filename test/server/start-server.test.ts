import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';
import { demoDataDir } from '../../server/demo-accounts.ts';
import { demoWalletId, startServer, type RunningServer } from '../../server/start-server.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import { selfSignedCertificate } from './support/self-signed-certificate.ts';
import { linesSink } from '../support/lines-sink.ts';

const demoPasswords = { cashier: 'cashier-password-1', supervisor: 'supervisor-password-1' };

function config(env: Record<string, string> = {}): Config {
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.config;
}

function memoryLog() {
  const lines: string[] = [];
  const log = createLogger({
    level: 'debug',
    destination: linesSink(lines),
  });
  return { log, text: () => lines.join('') };
}

async function signIn(server: RunningServer, username: string, password: string): Promise<string> {
  const response = await fetch(`${server.origin}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.origin },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  return (response.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
}

function post(server: RunningServer, cookie: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.origin}${path}`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: server.origin, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

describe('startServer in demo mode over real HTTP', () => {
  let dataDir = '';
  let server: RunningServer;
  const logged = memoryLog();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kasa-server-'));
    server = await startServer(config({ PORT: '1', DATA_DIR: '/nonexistent' }), { port: 0, host: '127.0.0.1', dataDir, demoPasswords, log: logged.log });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on a free loopback port and runs the simulator with a customer page', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.origin).not.toBe('http://127.0.0.1:1');
    expect(server.demoAccounts).toEqual({
      cashier: { username: 'demo-cashier', password: demoPasswords.cashier },
      supervisor: { username: 'demo-supervisor', password: demoPasswords.supervisor },
      admin: { username: 'demo-admin', password: expect.stringMatching(/^\S{16,}$/) },
    });
    const page = await fetch(server.customerPageUrl ?? '');
    expect(page.status).toBe(200);
    const health = await fetch(`${server.origin}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true, mode: 'demo', wallet: { reachable: true } });
  });

  it('signs in and pays out over HTTP, and no reservation code reaches the log', async () => {
    const cookie = await signIn(server, 'demo-cashier', demoPasswords.cashier);
    const created = await post(server, cookie, '/api/cashouts', { amount: '25.00', currency: 'EUR' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const simulator = server.simulator;
    if (!simulator) throw new Error('demo mode without a simulator');
    const codes = [simulator.state.issueCode(demoWalletId).code, simulator.state.issueCode(demoWalletId).code];

    const wrong = await post(server, cookie, `/api/cashouts/${id}/reserve`, { code: '9'.repeat(28) });
    expect(wrong.status).toBe(422);
    const reserved = await post(server, cookie, `/api/cashouts/${id}/reserve`, { code: codes[0] });
    expect(reserved.status).toBe(200);
    const confirmed = await post(server, cookie, `/api/cashouts/${id}/confirm`, { identityChecks: ['document', 'photo'] });
    expect(await confirmed.json()).toMatchObject({ status: 'confirmed', amount: '25.00' });

    const log = logged.text();
    expect(log).toContain('Kasa listening on');
    expect(log).toContain('wallet call');
    for (const code of [...codes, '9'.repeat(28)]) expect(log).not.toContain(code);
  });

  it('lets the demo admin manage accounts and locations, so the admin screens can be tried', async () => {
    const password = server.demoAccounts?.admin.password ?? '';
    const cookie = await signIn(server, 'demo-admin', password);
    const users = await fetch(`${server.origin}/api/users`, { headers: { Cookie: cookie } });
    expect(users.status).toBe(200);
    const { users: listed } = (await users.json()) as { users: { username: string; role: string }[] };
    expect(listed.map(({ username, role }) => `${username}:${role}`).sort()).toEqual(['demo-admin:admin', 'demo-cashier:cashier', 'demo-supervisor:supervisor']);
    const added = await post(server, cookie, '/api/locations', { name: 'Field bag 1' });
    expect(added.status).toBe(201);
    expect(logged.text()).not.toContain(password);
  });

  it('keeps the demo SQLite file in the demo folder of the given data directory', () => {
    expect(readFileSync(join(dataDir, 'demo', 'kasa.sqlite')).length).toBeGreaterThan(0);
    expect(existsSync(join(dataDir, 'kasa.sqlite'))).toBe(false);
  });
});

describe('startServer lifecycle', () => {
  it('lets a request in flight finish on close, then refuses connections', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kasa-server-'));
    const server = await startServer(config({ LOG_LEVEL: 'silent' }), { port: 0, host: '127.0.0.1', dataDir, demoPasswords });
    try {
      const simulator = server.simulator;
      if (!simulator) throw new Error('demo mode without a simulator');
      const cookie = await signIn(server, 'demo-cashier', demoPasswords.cashier);
      const created = (await (await post(server, cookie, '/api/cashouts', { amount: '10.00', currency: 'EUR' })).json()) as { id: string };
      await post(server, cookie, `/api/cashouts/${created.id}/reserve`, { code: simulator.state.issueCode(demoWalletId).code });

      simulator.state.addFault({ endpoint: 'confirm', kind: 'latency', ms: 300 });
      const confirming = post(server, cookie, `/api/cashouts/${created.id}/confirm`, { identityChecks: ['document', 'photo'] });
      while (simulator.state.faults().every((fault) => fault.fired === 0)) await delay(10);

      const closed = server.close();
      const response = await confirming;
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'confirmed' });
      await closed;
      await expect(fetch(`${server.origin}/api/health`)).rejects.toThrow();
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('closes the database only after a step whose connection was cut at the deadline has recorded its outcome', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kasa-server-'));
    const server = await startServer(config({ LOG_LEVEL: 'silent' }), { port: 0, host: '127.0.0.1', dataDir, demoPasswords, connectionDeadlineMs: 50 });
    try {
      const simulator = server.simulator;
      if (!simulator) throw new Error('demo mode without a simulator');
      const cookie = await signIn(server, 'demo-cashier', demoPasswords.cashier);
      const created = (await (await post(server, cookie, '/api/cashouts', { amount: '10.00', currency: 'EUR' })).json()) as { id: string };
      await post(server, cookie, `/api/cashouts/${created.id}/reserve`, { code: simulator.state.issueCode(demoWalletId).code });

      simulator.state.addFault({ endpoint: 'confirm', kind: 'latency', ms: 800 });
      const confirming = post(server, cookie, `/api/cashouts/${created.id}/confirm`, { identityChecks: ['document', 'photo'] }).then(
        () => 'answered',
        () => 'cut',
      );
      while (simulator.state.faults().every((fault) => fault.fired === 0)) await delay(10);

      await server.close();
      // The client lost its answer at the deadline, but the step ran on and wrote it down.
      expect(await confirming).toBe('cut');
      const store = openSqliteStore({ dataDir: demoDataDir(dataDir) });
      try {
        expect(await store.getCashout(created.id)).toMatchObject({ status: 'confirmed', pending: null });
      } finally {
        await store.close();
      }
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps demo passwords in step with the banner across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kasa-server-'));
    try {
      const first = await startServer(config({ LOG_LEVEL: 'silent' }), { port: 0, host: '127.0.0.1', dataDir });
      const firstPassword = first.demoAccounts?.cashier.password ?? '';
      await first.close();
      const second = await startServer(config({ LOG_LEVEL: 'silent' }), { port: 0, host: '127.0.0.1', dataDir });
      try {
        const password = second.demoAccounts?.cashier.password ?? '';
        expect(password).not.toBe(firstPassword);
        expect(password.length).toBeGreaterThanOrEqual(10);
        await signIn(second, 'demo-cashier', password);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('serves HTTPS with HSTS and Secure cookies when TLS files are configured', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kasa-tls-'));
    const { certFile, keyFile } = selfSignedCertificate(dir);
    const server = await startServer(config({ TLS_CERT: certFile, TLS_KEY: keyFile, LOG_LEVEL: 'silent' }), {
      port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), demoPasswords,
    });
    try {
      expect(server.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const body = JSON.stringify({ username: 'demo-cashier', password: demoPasswords.cashier });
      const response = await new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
        const req = httpsRequest(`${server.origin}/api/session`, {
          method: 'POST',
          ca: readFileSync(certFile),
          headers: { 'Content-Type': 'application/json', Origin: server.origin, 'Content-Length': Buffer.byteLength(body) },
        }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
        });
        req.on('error', reject);
        req.end(body);
      });
      expect(response.status).toBe(200);
      expect(response.headers['strict-transport-security']).toMatch(/^max-age=/);
      expect(String(response.headers['set-cookie'])).toContain('Secure');
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
