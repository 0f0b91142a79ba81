import type { CashoutStatus } from '../../shared/api.ts';

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
