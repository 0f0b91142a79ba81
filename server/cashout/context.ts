import type { CashoutStatus } from '../../shared/api.ts';
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
  /**
   * Pauses before each read of a write in doubt until Paysera answers; one read per entry. The
   * workflow's read-backs are the only retry layer over a settle (see readback.ts).
   */
  readBackDelaysMs: readonly number[];
  /** Wrong codes per cashier across cash-outs. */
  codeThrottle: RateLimiter;
  /** Told once per cash-out, when its status becomes final (the metrics count outcomes from it). */
  onFinalStatus: (status: CashoutStatus) => void;
}

/** Who took a step and the audit action its events are recorded under. */
export interface Attribution {
  actor: string;
  action: string;
}
