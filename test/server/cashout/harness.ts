import { expect } from 'vitest';
import type { IdentityCheck, User } from '../../../shared/api.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import type { CashoutLog } from '../../../server/cashout/context.ts';
import { createKeyedLock } from '../../../server/cashout/lock.ts';
import { createCashoutService } from '../../../server/cashout/service.ts';
import type { CashoutServiceOptions } from '../../../server/cashout/service.ts';
import { CashoutError } from '../../../server/cashout/types.ts';
import type { CashoutService, CashoutSettings } from '../../../server/cashout/types.ts';
import { createDeskService, type DeskService } from '../../../server/desk/service.ts';
import type { DeskSettings } from '../../../server/desk/shift-writes.ts';
import { startSimulator } from '../../../server/simulator/index.ts';
import type { RunningSimulator } from '../../../server/simulator/index.ts';
import type { CashoutRecord, Store } from '../../../server/store/types.ts';
import { createWalletClient } from '../../../server/wallet/client.ts';
import type { WalletClient } from '../../../server/wallet/types.ts';
import { openHarnessStore } from './harness-store.ts';

/** A real simulator over HTTP, a real store (SQLite or PostgreSQL, harness-store.ts), and the service between them. */

export const ona: User = { username: 'ona', role: 'cashier' };
export const bob: User = { username: 'bob', role: 'cashier' };
export const sam: User = { username: 'sam', role: 'supervisor' };
export const ada: User = { username: 'ada', role: 'admin' };

/** Both checks ticked, as the verify screen sends them. */
export const bothChecks: readonly IdentityCheck[] = ['document', 'photo'];

export const clientId = 'kasa-test';
export const macKey = 'test-mac-key-0123456789abcdefghijk';

export const defaultSettings: CashoutSettings = {
  limits: [
    { currency: 'EUR', maxAmountCents: 100_000, supervisorThresholdCents: 30_000, dailyCapCents: null },
    { currency: 'USD', maxAmountCents: 100_000, supervisorThresholdCents: 30_000, dailyCapCents: null },
  ],
  reserveSeconds: 300,
  maxCodeAttempts: 3,
  createGraceMs: 60_000,
  writeGraceMs: 0,
};

/** The default limits with the same daily cap on every currency. */
export function withDailyCap(dailyCapCents: number): Pick<CashoutSettings, 'limits'> {
  return { limits: defaultSettings.limits.map((limits) => ({ ...limits, dailyCapCents })) };
}

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  fields: object;
  message: string;
}

export interface Harness {
  sim: RunningSimulator;
  store: Store;
  wallet: WalletClient;
  service: CashoutService;
  /** Only with the `desk` option: the cash desk on the service's lock, asked to cover every payout. */
  desk: DeskService | null;
  /** Everything the store keeps, as text, to prove a code is nowhere in it. */
  keptText(): Promise<string>;
  logs: LogEntry[];
  /** Moves only the service's clock, leaving the simulator's where it is. */
  skewServiceClock(seconds: number): void;
  close(): Promise<void>;
}

export interface HarnessOptions {
  settings?: Partial<CashoutSettings>;
  /** Wraps the real client, e.g. to alter what it reports. */
  wrapWallet?: (wallet: WalletClient) => WalletClient;
  macKey?: string;
  service?: Partial<Pick<CashoutServiceOptions, 'codeThrottle' | 'lock'>>;
  /** A cash desk that covers the payouts; without it every payout is outside any shift. */
  desk?: Partial<DeskSettings>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sim = await startSimulator({ clients: { [clientId]: macKey }, controlEnabled: true, port: 0 });
  const opened = await openHarnessStore();
  const { store } = opened;
  let skewMs = 0;
  const now = () => sim.clock.now() + skewMs;
  const realWallet = createWalletClient({
    baseUrl: sim.baseUrl,
    clientId,
    macKey: options.macKey ?? macKey,
    timeoutMs: 5000,
    now: () => sim.clock.now(),
    sleep: async () => {},
  });
  const wallet = options.wrapWallet ? options.wrapWallet(realWallet) : realWallet;
  const logs: LogEntry[] = [];
  const log: CashoutLog = {
    info: (fields, message) => logs.push({ level: 'info', fields, message }),
    warn: (fields, message) => logs.push({ level: 'warn', fields, message }),
    error: (fields, message) => logs.push({ level: 'error', fields, message }),
  };
  const settings = { ...defaultSettings, ...options.settings };
  const lock = options.service?.lock ?? createKeyedLock();
  const desk = options.desk
    ? createDeskService({
        store,
        lock,
        settings: { currencies: settings.limits.map((limits) => limits.currency), requireShift: true, tillToleranceCents: 0, ...options.desk },
        now,
      })
    : null;
  const service = createCashoutService({
    store,
    wallet,
    settings,
    now,
    log,
    sleep: async () => {},
    ...options.service,
    lock,
    ...(desk && { cover: desk.coverPayout }),
  });
  return {
    sim,
    store,
    wallet: realWallet,
    service,
    desk,
    keptText: opened.keptText,
    logs,
    skewServiceClock(seconds) {
      skewMs += seconds * 1000;
    },
    async close() {
      await store.close();
      await sim.close();
      await opened.remove();
    },
  };
}

export async function cashoutErrorOf(promise: Promise<unknown>): Promise<CashoutError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CashoutError)) throw new Error(`expected a CashoutError, got ${String(error)}`);
  return error;
}

export async function expectRefusal(promise: Promise<unknown>, code: ErrorCode): Promise<CashoutError> {
  const error = await cashoutErrorOf(promise);
  expect(error.code).toBe(code);
  return error;
}

/** A funded customer wallet and a fresh code for it. */
export function customer(h: Harness, balances: Record<string, number> = { EUR: 50_000 }): { walletId: number; code: string } {
  const walletId = h.sim.state.createWallet(balances);
  return { walletId, code: h.sim.state.issueCode(walletId).code };
}

/** A €50.00 cash-out by ona, reserved with a funded customer's code. */
export async function reservedCashoutIn(h: Harness): Promise<{ id: string; key: string; walletId: number; code: string }> {
  const { walletId, code } = customer(h);
  const { id, transactionKey } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
  await h.service.reserve(ona, id, code);
  return { id, key: transactionKey ?? '', walletId, code };
}

const simStatusFor: Record<CashoutRecord['status'], string | null> = {
  created: 'new',
  reserved: 'reserved',
  confirmed: 'confirmed',
  cancelled: 'revoked',
  expired: 'revoked',
  failed: 'revoked',
  in_doubt: null,
};

/** The cash-out as stored agrees with the simulator's transaction, and nothing is left held. */
export async function expectAgreement(h: Harness, id: string, walletId?: number): Promise<CashoutRecord> {
  const record = await h.store.getCashout(id);
  if (record === null) throw new Error(`no cash-out ${id}`);
  expect(record.pending).toBeNull();
  if (record.transactionKey !== null) {
    const tx = h.sim.state.transaction(record.transactionKey);
    expect(tx?.status).toBe(simStatusFor[record.status]);
  }
  if (walletId !== undefined && record.status !== 'reserved') {
    expect(h.sim.state.wallet(walletId)?.held[record.currency] ?? 0).toBe(0);
  }
  return record;
}
