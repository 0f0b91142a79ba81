import type { Cashout } from '../shared/api.ts';
import { errorCatalogue, type ErrorCode } from '../shared/errors.ts';
import { ApiError, isErrorCode, NetworkError } from './api.ts';

/** What went wrong, as the UI shows it: a server error code, or a state the UI names itself. */
export type Failure =
  | { kind: 'server'; code: ErrorCode; message: string; action: string }
  | { kind: 'local'; code: 'NETWORK' | 'CANCELLED' | 'EXPIRED' | 'FAILED' };

function serverFailure(code: ErrorCode): Failure {
  return { kind: 'server', code, message: errorCatalogue[code].message, action: errorCatalogue[code].action };
}

export function failureOf(error: unknown): Failure {
  if (error instanceof ApiError) return { kind: 'server', code: error.code, message: error.message, action: error.action };
  if (error instanceof NetworkError) return { kind: 'local', code: 'NETWORK' };
  return serverFailure('INTERNAL');
}

/** Why a cash-out ended without payout: the server's recorded error, else its final status. */
export function failureOfCashout(cashout: Cashout): Failure {
  if (cashout.error) {
    const { code, message, action } = cashout.error;
    return isErrorCode(code) ? { kind: 'server', code, message, action } : serverFailure('INTERNAL');
  }
  if (cashout.status === 'cancelled') return { kind: 'local', code: 'CANCELLED' };
  if (cashout.status === 'expired') return { kind: 'local', code: 'EXPIRED' };
  return { kind: 'local', code: 'FAILED' };
}
