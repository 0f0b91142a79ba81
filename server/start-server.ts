import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createAccounts } from './auth/accounts.ts';
import { createLoginThrottle } from './auth/login-throttle.ts';
import { startSessionPurger } from './auth/session-purger.ts';
import { createSessionManager } from './auth/sessions.ts';
import { createCashoutService, defaultCodeLimits, startSweeper } from './cashout/service.ts';
import { createLocalCoordination } from './cluster/coordination.ts';
import { createDeskService, deskSettingsOf } from './desk/service.ts';
import { ensureDemoShift } from './demo-shift.ts';
import { openPgCoordination } from './cluster/pg-coordination.ts';
import { cashoutSettingsOf, type Config } from './config.ts';
import { gracefulCloser } from './graceful-close.ts';
import { DemoDataInLiveStore, demoAccountsIn, demoDataDir, ensureDemoAccounts, randomDemoPassword, type DemoAccounts, type DemoPasswords } from './demo-accounts.ts';
import { createHealthCheck } from './health.ts';
import { createApp } from './http/app.ts';
import { createRequestDrain } from './http/drain.ts';
import { createLogger, type Logger } from './log.ts';
import { createMetrics } from './metrics.ts';
import { startSimulator, type RunningSimulator } from './simulator/index.ts';
import { openConfiguredStore } from './store/open-store.ts';
import { createWalletClient } from './wallet/client.ts';
import { createHolderNameReader } from './wallet/holder-name.ts';

export interface StartOptions {
  log?: Logger;
  /** These take precedence over the configuration, for tests and the E2E server script. */
  port?: number;
  host?: string;
  dataDir?: string;
  /** Directory of the built PWA; without it only the API is served. */
  staticRoot?: string;
  demoPasswords?: DemoPasswords;
  simulatorPort?: number;
  sweepIntervalMs?: number;
  sessionPurgeIntervalMs?: number;
  /** How long shutdown waits for open connections before cutting them; 15 s by default. */
  connectionDeadlineMs?: number;
}

export interface RunningServer {
  /** e.g. "http://127.0.0.1:8080" */
  origin: string;
  log: Logger;
  /** Demo mode only: the embedded Wallet API stand-in, its customer page and the demo sign-ins. */
  simulator?: RunningSimulator;
  customerPageUrl?: string;
  demoAccounts?: DemoAccounts;
  close(): Promise<void>;
}

/** The wallet the simulator's customer page shows; it pays out the demo's cash-outs. */
export const demoWalletId = 14471;
const defaultSweepIntervalMs = 30_000;
/** How long shutdown waits for requests in flight before cutting connections. */
const defaultConnectionDeadlineMs = 15_000;

function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

async function listen(server: Server | HttpsServer): Promise<AddressInfo> {
  if (!server.listening) {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  }
  return server.address() as AddressInfo;
}

/** Wires store, wallet, workflow and HTTP app together and listens; main.ts and the tests call it. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const demoCredentials = config.paysera === null
    ? { clientId: `demo-${randomBytes(6).toString('hex')}`, macKey: randomBytes(24).toString('base64url') }
    : null;
  const macKey = config.paysera?.macKey ?? demoCredentials?.macKey ?? '';
  const demoPasswords = demoCredentials
    ? { cashier: randomDemoPassword(), supervisor: randomDemoPassword(), admin: randomDemoPassword(), ...options.demoPasswords }
    : null;
  // The demo passwords are printed in the banner only; naming them as secrets keeps any log line from carrying them.
  const secrets = [macKey, ...(demoPasswords ? [demoPasswords.cashier, demoPasswords.supervisor, demoPasswords.admin] : []), ...(config.metricsToken === null ? [] : [config.metricsToken])];
  const log = options.log ?? createLogger({ level: config.logLevel, secrets });

  const dataDir = options.dataDir ?? config.dataDir;
  const store = await openConfiguredStore({
    databaseUrl: config.databaseUrl,
    dataDir: demoCredentials ? demoDataDir(dataDir) : dataDir,
    auditKey: config.auditKey,
  });
  // Its own pool on PostgreSQL: a lock holds its connection for a whole step, Wallet calls included,
  // so on the store's pool the locks would take the connections the steps' own queries wait for.
  const coordination = config.databaseUrl === null ? createLocalCoordination() : openPgCoordination(config.databaseUrl, log);
  const metrics = createMetrics(store);
  // Undone in reverse order of set-up: stop taking work (below), simulator, coordination, store.
  const cleanups: (() => Promise<void> | void)[] = [() => store.close(), () => coordination.close()];
  // Stopped together, first: the listener closes and requests being handled finish while the
  // sweeper finishes its current sweep; only then is anything they use closed.
  const stopTakingWork: (() => Promise<void> | void)[] = [];
  try {
    if (!demoCredentials) {
      const leftovers = await demoAccountsIn(store);
      if (leftovers.length > 0) throw new DemoDataInLiveStore(dataDir, leftovers, config.databaseUrl !== null);
    }
    let simulator: RunningSimulator | undefined;
    let walletAccess = { baseUrl: config.payseraBaseUrl, clientId: config.paysera?.clientId ?? '', macKey };
    if (demoCredentials) {
      simulator = await startSimulator({
        clients: { [demoCredentials.clientId]: demoCredentials.macKey },
        controlEnabled: true,
        demoWalletId,
        port: options.simulatorPort ?? 0,
      });
      const running = simulator;
      cleanups.push(() => running.close());
      walletAccess = { baseUrl: simulator.baseUrl, ...demoCredentials };
    }

    const wallet = createWalletClient({
      ...walletAccess,
      timeoutMs: config.walletTimeoutMs,
      extParams: { ...config.walletExtParams },
      onEvent: (event) => {
        metrics.walletCall(event);
        log.debug({ wallet: event }, 'wallet call');
      },
    });
    try {
      const offset = await wallet.syncClock();
      log.info({ clockOffsetSeconds: offset }, 'wallet clock synchronised');
    } catch (error) {
      log.warn({ err: error }, 'wallet unreachable at start-up; the clock will be synchronised on first use');
    }

    const accounts = createAccounts(store);
    const sessions = createSessionManager({ store, idleMs: config.sessionIdleHours * 3_600_000 });
    // One lock for both: a shift's writes and its cashier's payouts take `cashier:<username>` in turn.
    const desk = createDeskService({ store, lock: coordination.cashoutLock, settings: deskSettingsOf(config) });
    const service = createCashoutService({
      store,
      wallet,
      settings: cashoutSettingsOf(config),
      log,
      lock: coordination.cashoutLock,
      codeThrottle: coordination.rateLimiter('cashout-code', defaultCodeLimits),
      onFinalStatus: metrics.cashoutFinished,
      cover: desk.coverPayout,
    });

    const demoAccounts = demoPasswords ? await ensureDemoAccounts(store, accounts, demoPasswords) : undefined;
    // Without REQUIRE_SHIFT the demo pays out outside any shift, as it did before the desk.
    const [firstCurrency] = config.limits;
    if (demoAccounts && config.requireShift && firstCurrency) await ensureDemoShift(store, desk, firstCurrency.currency);

    const drain = createRequestDrain();
    const app = createApp({
      config,
      service,
      desk,
      accounts,
      sessions,
      store,
      holderNames: createHolderNameReader(wallet, log),
      health: createHealthCheck(wallet, store, config.mode),
      log,
      metrics,
      drain,
      loginThrottle: createLoginThrottle({ limiters: coordination.rateLimiter }),
      ...(options.staticRoot !== undefined && { staticRoot: options.staticRoot }),
    });

    cleanups.push(() => Promise.all(stopTakingWork.map((stop) => stop())).then(() => {}));
    stopTakingWork.push(
      startSweeper(service, { intervalMs: options.sweepIntervalMs ?? defaultSweepIntervalMs, log, onSweep: metrics.sweepRan, turn: coordination.sweeperTurn }),
    );
    stopTakingWork.push(startSessionPurger(sessions, { ...(options.sessionPurgeIntervalMs !== undefined && { intervalMs: options.sessionPurgeIntervalMs }), log }));

    const tls = config.tls
      ? { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) }
      : null;
    const host = options.host ?? config.host;
    const server = serve({
      fetch: app.fetch,
      port: options.port ?? config.port,
      hostname: host,
      ...(tls && { createServer: createHttpsServer, serverOptions: tls }),
    }) as Server | HttpsServer;
    stopTakingWork.push(gracefulCloser(server, options.connectionDeadlineMs ?? defaultConnectionDeadlineMs), () => drain.drain());
    const { port } = await listen(server);
    const origin = `${tls ? 'https' : 'http'}://${urlHost(host)}:${port}`;

    const customerPageUrl = simulator ? `${simulator.origin}/customer` : undefined;
    log.info({ origin, mode: config.mode }, `Kasa listening on ${origin} (${config.mode} mode)`);
    if (demoAccounts && customerPageUrl) {
      log.info(
        { customerPageUrl, accounts: [demoAccounts.cashier.username, demoAccounts.supervisor.username, demoAccounts.admin.username] },
        'Demo mode on the embedded simulator; the demo passwords are in the banner on the terminal',
      );
    }

    let closing: Promise<void> | null = null;
    return {
      origin,
      log,
      ...(simulator && { simulator }),
      ...(customerPageUrl && { customerPageUrl }),
      ...(demoAccounts && { demoAccounts }),
      close() {
        closing ??= runCleanups(cleanups);
        return closing;
      },
    };
  } catch (error) {
    await runCleanups(cleanups);
    throw error;
  }
}

async function runCleanups(cleanups: readonly (() => Promise<void> | void)[]): Promise<void> {
  for (const cleanup of [...cleanups].reverse()) await cleanup();
}
