import type { RateLimiter } from '../auth/throttle.ts';
import type { Store } from '../store/types.ts';
import type { WalletClient } from '../wallet/types.ts';
import type { CashoutSettings } from './types.ts';

/** Structured log calls the workflow makes; a pino logger fits. Never given a code or a secret. */
export interface CashoutLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Everything the workflow's steps share; built once by createCashoutService. */
export interface CashoutContext {
  store: Store;
  wallet: WalletClient;
  settings: CashoutSettings;
  now: () => number;
  newId: () => string;
  log: CashoutLog;
  sleep: (ms: number) => Promise<void>;
  /** Pauses before each read-back of an in-doubt confirm, reserve or revoke; one read per entry. */
  readBackDelaysMs: readonly number[];
  /** Wrong codes per cashier across cash-outs. */
  codeThrottle: RateLimiter;
}

/** Who did it and under which audit action, for the events a step appends. */
export interface Step {
  actor: string;
  action: string;
}
