import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CurrentShiftResponse, currentShiftResponse, shiftResponse } from '../../shared/desk-api.ts';
import { parseConfig, type Config } from '../../server/config.ts';
import { demoDataDir } from '../../server/demo-accounts.ts';
import { demoLocationName } from '../../server/demo-shift.ts';
import { startServer, type RunningServer } from '../../server/start-server.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';

/** Demo mode starts with demo-cashier's shift open at the Demo shop, and a restart keeps it. */

const demoPasswords = { cashier: 'cashier-password-1', supervisor: 'supervisor-password-1' };

function config(env: Record<string, string> = {}): Config {
  const parsed = parseConfig({ LOG_LEVEL: 'silent', ...env });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.config;
}

let dataDir = '';
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kasa-demo-shift-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function withServer<T>(env: Record<string, string>, use: (server: RunningServer, cookie: string) => Promise<T>): Promise<T> {
  const server = await startServer(config(env), { port: 0, host: '127.0.0.1', dataDir, demoPasswords });
  try {
    const response = await fetch(`${server.origin}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.origin },
      body: JSON.stringify({ username: 'demo-cashier', password: demoPasswords.cashier }),
    });
    expect(response.status).toBe(200);
    return await use(server, (response.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '');
  } finally {
    await server.close();
  }
}

function send(server: RunningServer, cookie: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.origin}${path}`, {
    method,
    headers: { Cookie: cookie, Origin: server.origin, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

async function currentShift(server: RunningServer, cookie: string): Promise<CurrentShiftResponse['shift']> {
  return currentShiftResponse.parse(await (await send(server, cookie, 'GET', '/api/shifts/current')).json()).shift;
}

async function demoLocations(): Promise<string[]> {
  const store = openSqliteStore({ dataDir: demoDataDir(dataDir) });
  try {
    return (await store.listLocations()).map((location) => location.name);
  } finally {
    await store.close();
  }
}

describe('the demo shift', () => {
  it('is open after a fresh start with a 1000.00 float in the first currency, and a restart keeps it as it is', async () => {
    const pounds = { CURRENCIES: 'GBP,EUR', MAX_AMOUNT_GBP: '500.00', SUPERVISOR_THRESHOLD_GBP: '250.00' };
    const first = await withServer(pounds, async (server, cookie) => {
      const shift = await currentShift(server, cookie);
      expect(shift).toMatchObject({ locationName: demoLocationName, cashier: 'demo-cashier', status: 'open', float: [{ amount: '1000.00', currency: 'GBP' }] });
      const payIn = await send(server, cookie, 'POST', `/api/shifts/${shift?.id}/movements`, { kind: 'pay_in', amount: '25.00', currency: 'GBP', reason: 'change' });
      expect(payIn.status).toBe(201);
      return shift;
    });
    await withServer(pounds, async (server, cookie) => {
      const kept = await currentShift(server, cookie);
      expect(kept?.id).toBe(first?.id);
      expect(kept?.expected).toEqual([{ amount: '1025.00', currency: 'GBP' }]);
    });
    expect(await demoLocations()).toEqual([demoLocationName]);
  });

  it('is opened anew at the same Demo shop after the last one was closed', async () => {
    const closedId = await withServer({}, async (server, cookie) => {
      const shift = await currentShift(server, cookie);
      const closed = await send(server, cookie, 'POST', `/api/shifts/${shift?.id}/close`, { counted: [{ amount: '1000.00', currency: 'EUR' }] });
      expect(shiftResponse.parse(await closed.json()).shift.status).toBe('closed');
      expect(await currentShift(server, cookie)).toBeNull();
      return shift?.id;
    });
    await withServer({}, async (server, cookie) => {
      const fresh = await currentShift(server, cookie);
      expect(fresh).toMatchObject({ status: 'open', locationName: demoLocationName });
      expect(fresh?.id).not.toBe(closedId);
    });
    expect(await demoLocations()).toEqual([demoLocationName]);
  });

  it('is not opened with REQUIRE_SHIFT off: payouts then need no shift', async () => {
    await withServer({ REQUIRE_SHIFT: 'false' }, async (server, cookie) => {
      expect(await currentShift(server, cookie)).toBeNull();
      const created = await send(server, cookie, 'POST', '/api/cashouts', { amount: '5000.00', currency: 'EUR' });
      // Over the per-transaction limit, not NO_OPEN_SHIFT: the drawer is not asked.
      expect(((await created.json()) as { error: { code: string } }).error.code).toBe('LIMIT_EXCEEDED');
      expect((await send(server, cookie, 'POST', '/api/cashouts', { amount: '5.00', currency: 'EUR' })).status).toBe(201);
    });
  });
});
