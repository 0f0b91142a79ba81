import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createAccounts } from '../../../server/auth/accounts.ts';
import { createLoginThrottle } from '../../../server/auth/login-throttle.ts';
import { createSessionManager } from '../../../server/auth/sessions.ts';
import { createRateLimiter } from '../../../server/auth/throttle.ts';
import { createHolderNameReader } from '../../../server/wallet/holder-name.ts';
import { createKeyedLock } from '../../../server/cashout/lock.ts';
import { createDeskService, deskSettingsOf } from '../../../server/desk/service.ts';
import { createCashoutService } from '../../../server/cashout/service.ts';
import { cashoutSettingsOf, parseConfig } from '../../../server/config.ts';
import { createHealthCheck } from '../../../server/health.ts';
import { createApp } from '../../../server/http/app.ts';
import { createLogger } from '../../../server/log.ts';
import { startSimulator, type RunningSimulator } from '../../../server/simulator/index.ts';
import { openSqliteStore } from '../../../server/store/sqlite.ts';
import { createWalletClient } from '../../../server/wallet/client.ts';

/**
 * The real app on a real loopback socket (so the client address is the peer's), with real SQLite,
 * real scrypt and the simulator. Only the throttles' clock is the test's, so a wait is a step of
 * `clock.now`, never a sleep. Password checks can be held at a gate to make a burst's order exact
 * and to see how many are running at once.
 */

export const stackPassword = 'burst-password-1';
export const staff = { cashier: 'cara', supervisor: 'sven' } as const;
const clientId = 'kasa-throttle';
const macKey = 'throttle-mac-key-0123456789abcdef';

export interface Answer {
  status: number;
  code: string | null;
  retryAfter: string | undefined;
  cookie: string | undefined;
  json: unknown;
}

export interface ThrottleStack {
  origin: string;
  clock: { now: number };
  simulator: RunningSimulator;
  walletId: number;
  /** Password checks that reached scrypt. */
  verified(): number;
  /** From now on, password checks for the usernames `holds` picks wait (after being counted) until `openGate()`. */
  closeGate(holds?: (username: string) => boolean): void;
  openGate(): void;
  /** Sends JSON from the given loopback address (127.0.0.1 unless told). */
  send(method: string, path: string, body?: unknown, options?: { cookie?: string; from?: string }): Promise<Answer>;
  close(): Promise<void>;
}

export async function startThrottleStack(): Promise<ThrottleStack> {
  const parsed = parseConfig({ MAX_AMOUNT: '1000.00', SUPERVISOR_THRESHOLD: '300.00', MAX_CODE_ATTEMPTS: '3', REQUIRE_SHIFT: 'false' });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const config = parsed.config;
  const dir = mkdtempSync(join(tmpdir(), 'kasa-throttle-'));
  const store = openSqliteStore({ dataDir: dir });
  const simulator = await startSimulator({ clients: { [clientId]: macKey }, controlEnabled: true, port: 0 });
  const walletId = simulator.state.createWallet({ EUR: 10_000_000 });
  const log = createLogger({ level: 'info', secrets: [macKey], destination: new Writable({ write: (_chunk, _encoding, done) => done() }) });
  const wallet = createWalletClient({ baseUrl: simulator.baseUrl, clientId, macKey, timeoutMs: 10_000 });
  const accounts = createAccounts(store);
  await accounts.add(staff.cashier, 'cashier', stackPassword);
  await accounts.add(staff.supervisor, 'supervisor', stackPassword);

  const clock = { now: 1_000_000_000 };
  const now = () => clock.now;
  let verifications = 0;
  let gate: Promise<void> = Promise.resolve();
  let held: (username: string) => boolean = () => false;
  let openGate = () => {};
  const counted = {
    ...accounts,
    async authenticate(username: string, password: string) {
      verifications += 1;
      if (held(username)) await gate;
      return accounts.authenticate(username, password);
    },
  };

  const lock = createKeyedLock();
  const desk = createDeskService({ store, lock, settings: deskSettingsOf(config) });
  const service = createCashoutService({
    store,
    wallet,
    settings: cashoutSettingsOf(config),
    codeThrottle: createRateLimiter({ limit: 10, windowMs: 10 * 60_000, now }),
    lock,
    cover: desk.coverPayout,
  });
  const app = createApp({
    config,
    service,
    desk,
    holderNames: createHolderNameReader(wallet, log),
    accounts: counted,
    sessions: createSessionManager({ store }),
    store,
    health: createHealthCheck(wallet, store, config.mode),
    log,
    loginThrottle: createLoginThrottle({ now }),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    clock,
    simulator,
    walletId,
    verified: () => verifications,
    closeGate(holds = () => true) {
      held = holds;
      gate = new Promise((resolve) => {
        openGate = resolve;
      });
    },
    openGate: () => openGate(),
    send: (method, path, body, options = {}) => sendJson(origin, method, path, body, options),
    async close() {
      openGate();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await simulator.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function sendJson(origin: string, method: string, path: string, body: unknown, options: { cookie?: string; from?: string }): Promise<Answer> {
  const url = new URL(origin);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { Origin: origin, Accept: 'application/json' };
  if (options.cookie) headers.Cookie = options.cookie;
  if (payload !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, method, path, headers, agent: false, localAddress: options.from ?? '127.0.0.1' },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const json: unknown = text === '' ? undefined : JSON.parse(text);
          const error = (json as { error?: { code?: string } } | undefined)?.error;
          const cookie = (response.headers['set-cookie'] ?? []).find((line) => line.startsWith('kasa_session='))?.split(';')[0];
          resolve({ status: response.statusCode ?? 0, code: error?.code ?? null, retryAfter: response.headers['retry-after'], cookie, json });
        });
      },
    );
    outgoing.on('error', reject);
    if (payload !== undefined) outgoing.write(payload);
    outgoing.end();
  });
}

/** How many answers carried each error code (`OK` for a success). */
export function tally(answers: readonly Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const key = answer.code ?? 'OK';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
