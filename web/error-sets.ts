import type { ErrorCode } from '../shared/errors.ts';
import { ApiError } from './api.ts';

/** A set of the catalogue's codes (shared/errors.ts): a code that is not in the catalogue does not compile. */
export type ErrorSet = ReadonlySet<ErrorCode>;

function errorSet(...codes: ErrorCode[]): ErrorSet {
  return new Set(codes);
}

/** Refusals after which the same cash-out may take another code. */
export const refusalsToScanAgain = errorSet('INVALID_CODE', 'CODE_EXPIRED', 'INSUFFICIENT_FUNDS', 'INVALID_INPUT', 'RATE_LIMITED', 'WALLET_UNAVAILABLE', 'WALLET_REJECTED');

/** Refusals that ended the cash-out at the server. */
export const refusalsThatEnd = errorSet('TOO_MANY_ATTEMPTS', 'AMOUNT_MISMATCH');

/** Refusals of the code itself: the same code read again can only be refused again. */
export const refusalsOfTheCode = errorSet('INVALID_CODE', 'CODE_EXPIRED');

/** The cash-out does not exist or is not this cashier's: forget it and stop asking about it. */
export const cashoutGone = errorSet('NOT_FOUND', 'FORBIDDEN');

export function isOneOf(set: ErrorSet, error: unknown): error is ApiError {
  return error instanceof ApiError && set.has(error.code);
}
