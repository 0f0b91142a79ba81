import type { CashoutStatus } from '../../shared/api.ts';

/**
 * The database could not be reached or dropped the connection mid-call. The store throws it instead
 * of the driver's error so that the HTTP layer can answer DATABASE_UNAVAILABLE, never a guess about
 * money: a write that failed this way may or may not have been committed, and the sweeper settles it.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(options?: { cause?: unknown }) {
    super('The database cannot be reached.', options);
  }
}

/** A cash-out changed status between being read and being written: the write was not made. */
export class StaleCashoutError extends Error {
  override readonly name = 'StaleCashoutError';
  constructor(
    readonly id: string,
    readonly expected: CashoutStatus,
    readonly actual: CashoutStatus,
  ) {
    super(`Cash-out ${id} is ${actual}, not ${expected} as the step that wrote it assumed.`);
  }
}
