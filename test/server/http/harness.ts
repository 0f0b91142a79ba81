import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccounts } from '../../../server/auth/accounts.ts';
import type { LoginThrottle } from '../../../server/auth/login-throttle.ts';
import { createSessionManager } from '../../../server/auth/sessions.ts';
import { createKeyedLock } from '../../../server/cashout/lock.ts';
import { createCashoutService } from '../../../server/cashout/service.ts';
import { cashoutSettingsOf, parseConfig, type Config } from '../../../server/config.ts';
import { createDeskService, deskSettingsOf, type DeskService } from '../../../server/desk/service.ts';
import { createHealthCheck } from '../../../server/health.ts';
import { createApp } from '../../../server/http/app.ts';
import type { AppDeps } from '../../../server/http/deps.ts';
import { createLogger } from '../../../server/log.ts';
import { startSimulator, type RunningSimulator } from '../../../server/simulator/index.ts';
import { openSqliteStore } from '../../../server/store/sqlite.ts';
import type { Store } from '../../../server/store/types.ts';
import { createWalletClient } from '../../../server/wallet/client.ts';
import { createHolderNameReader } from '../../../server/wallet/holder-name.ts';
import type { Cashout } from '../../../shared/api.ts';
import { noonClock } from './test-clock.ts';
import { linesSink } from '../../support/lines-sink.ts';

/**
 * A real app on real parts: SQLite in a temp dir, the simulator on loopback, the real wallet
 * client and workflow. Requests go through `app.request()`, as in Hono's own tests.
 */

export const origin = 'http://kasa.test';
export const password = 'correct-horse-battery';
export const users = { cashier: 'anna', otherCashier: 'ben', supervisor: 'sam', admin: 'root' } as const;

const clientId = 'kasa-test';
const macKey = 'test-mac-key-0123456789abcdef';

export interface Harness {
  app: ReturnType<typeof createApp>;
  store: Store;
  simulator: RunningSimulator;
  walletId: number;
  logLines: string[];
  config: Config;
  deps: AppDeps;
  desk: DeskService;
  /** The one clock of store, workflow, sessions and routes. */
  now: () => number;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** REQUIRE_SHIFT is off unless set here: only the desk's own tests pay out inside shifts. */
  env?: Record<string, string>;
  loginThrottle?: LoginThrottle;
  staticRoot?: string;
  /** Defaults to `noonClock()`: never the real time of day. */
  now?: () => number;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const parsed = parseConfig({ MAX_AMOUNT: '1000.00', SUPERVISOR_THRESHOLD: '300.00', REQUIRE_SHIFT: 'false', ...options.env });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const config = parsed.config;
  const dir = mkdtempSync(join(tmpdir(), 'kasa-http-'));
  const now = options.now ?? noonClock();
  const store = openSqliteStore({ dataDir: dir, now });
  const simulator = await startSimulator({ clients: { [clientId]: macKey }, controlEnabled: true, port: 0 });
  const walletId = simulator.state.createWallet({ EUR: 500_000 });
  const logLines: string[] = [];
  const log = createLogger({
    level: 'info',
    secrets: [macKey],
    destination: linesSink(logLines),
  });
  // Generous: a loaded CI machine must not turn a slow answer into an in-doubt cash-out.
  const wallet = createWalletClient({ baseUrl: simulator.baseUrl, clientId, macKey, timeoutMs: 10_000 });
  const accounts = createAccounts(store);
  await accounts.add(users.cashier, 'cashier', password);
  await accounts.add(users.otherCashier, 'cashier', password);
  await accounts.add(users.supervisor, 'supervisor', password);
  await accounts.add(users.admin, 'admin', password);
  const lock = createKeyedLock();
  const desk = createDeskService({ store, lock, settings: deskSettingsOf(config), now });
  const service = createCashoutService({
    store,
    wallet,
    settings: cashoutSettingsOf(config),
    now,
    lock,
    cover: desk.coverPayout,
  });
  const deps: AppDeps = {
    config,
    service,
    desk,
    holderNames: createHolderNameReader(wallet, log),
    accounts,
    sessions: createSessionManager({ store, now }),
    store,
    health: createHealthCheck(wallet, store, config.mode),
    log,
    now,
    ...(options.loginThrottle && { loginThrottle: options.loginThrottle }),
    ...(options.staticRoot !== undefined && { staticRoot: options.staticRoot }),
  };
  return {
    app: createApp(deps),
    store,
    simulator,
    walletId,
    logLines,
    config,
    deps,
    desk,
    now,
    async close() {
      await simulator.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface CallOptions {
  body?: unknown;
  cookie?: string;
  /** null sends no Origin header; default: the app's own origin. */
  origin?: string | null;
  contentType?: string;
  base?: string;
}

export function call(h: Pick<Harness, 'app'>, method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  const sendOrigin = options.origin === undefined ? (options.base ?? origin) : options.origin;
  if (sendOrigin !== null) headers.Origin = sendOrigin;
  if (options.cookie) headers.Cookie = options.cookie;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['Content-Type'] = options.contentType ?? 'application/json';
  }
  return Promise.resolve(h.app.request(`${options.base ?? origin}${path}`, { method, headers, ...(body !== undefined && { body }) }));
}

/** Signs in and returns the Cookie header value for later requests. */
export async function signIn(h: Pick<Harness, 'app'>, username: string): Promise<string> {
  const response = await call(h, 'POST', '/api/session', { body: { username, password } });
  if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  const setCookie = response.headers.get('Set-Cookie') ?? '';
  const pair = setCookie.split(';')[0];
  if (!pair?.startsWith('kasa_session=')) throw new Error('no session cookie');
  return pair;
}

export async function errorOf(response: Response): Promise<{ code: string; message: string; action: string }> {
  const body = (await response.json()) as { error: { code: string; message: string; action: string } };
  return body.error;
}

/** create → reserve → (approve) → confirm over HTTP; returns the confirmed cash-out. */
export async function payOut(h: Harness, cookie: string, amount: string, approver?: string): Promise<Cashout> {
  const created = await call(h, 'POST', '/api/cashouts', { cookie, body: { amount, currency: 'EUR' } });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as Cashout;
  const { code } = h.simulator.state.issueCode(h.walletId);
  const reserved = await call(h, 'POST', `/api/cashouts/${id}/reserve`, { cookie, body: { code } });
  if (reserved.status !== 200) throw new Error(`reserve failed: ${reserved.status} ${await reserved.text()}`);
  if (approver) {
    const approved = await call(h, 'POST', `/api/cashouts/${id}/approve`, { cookie, body: { username: approver, password } });
    if (approved.status !== 200) throw new Error(`approve failed: ${approved.status} ${await approved.text()}`);
  }
  const confirmed = await call(h, 'POST', `/api/cashouts/${id}/confirm`, { cookie, body: { identityChecks: ['document', 'photo'] } });
  if (confirmed.status !== 200) throw new Error(`confirm failed: ${confirmed.status} ${await confirmed.text()}`);
  return (await confirmed.json()) as Cashout;
}
