import { describe, expect, it } from 'vitest';
import type { CashoutStatus } from '../../shared/api.ts';
import { errorCatalogue, type ErrorCode } from '../../shared/errors.ts';
import { ApiError, NetworkError } from '../../web/api.ts';
import { screenAfterError, screenAfterReserveError, screenForCashout, screenToResume } from '../../web/flow.ts';
import { cashout } from './cashout-fixture.ts';

function apiError(code: ErrorCode): ApiError {
  const entry = errorCatalogue[code];
  return new ApiError(entry.status, code, entry.message, entry.action);
}

describe('screenForCashout', () => {
  it('sends each status to its screen, and only confirmed to give cash', () => {
    const expected: Record<CashoutStatus, string> = {
      created: 'scan',
      reserved: 'verify',
      in_doubt: 'checking',
      confirmed: 'give-cash',
      cancelled: 'error',
      expired: 'error',
      failed: 'error',
    };
    for (const [status, name] of Object.entries(expected)) expect(screenForCashout(cashout({ status: status as CashoutStatus })).name, status).toBe(name);
  });

  it('names why an ended cash-out ended: its error, else its status', () => {
    const failed = cashout({ status: 'failed', error: { code: 'AMOUNT_MISMATCH', message: 'm', action: 'a' } });
    expect(screenForCashout(failed)).toMatchObject({ name: 'error', next: 'new-cashout', failure: { code: 'AMOUNT_MISMATCH' } });
    expect(screenForCashout(cashout({ status: 'expired' }))).toMatchObject({ failure: { kind: 'local', code: 'EXPIRED' } });
    expect(screenForCashout(cashout({ status: 'cancelled' }))).toMatchObject({ failure: { kind: 'local', code: 'CANCELLED' } });
  });
});

describe('after a reserve fails', () => {
  const created = cashout({ status: 'created' });

  it('lets the cashier scan again after a refused code', () => {
    for (const code of ['INVALID_CODE', 'CODE_EXPIRED', 'INSUFFICIENT_FUNDS'] as const) {
      expect(screenAfterReserveError(created, apiError(code)), code).toMatchObject({ name: 'error', next: 'scan-again', failure: { code } });
    }
  });

  it('remembers the fingerprint of a code refused for good, and only of such a code', () => {
    const sent = { fingerprint: 'f2', refused: ['f1'] };
    for (const code of ['INVALID_CODE', 'CODE_EXPIRED'] as const) {
      expect(screenAfterReserveError(created, apiError(code), sent), code).toMatchObject({ next: 'scan-again', refused: ['f1', 'f2'] });
    }
    for (const code of ['INSUFFICIENT_FUNDS', 'RATE_LIMITED', 'WALLET_UNAVAILABLE', 'INVALID_INPUT'] as const) {
      expect(screenAfterReserveError(created, apiError(code), sent), code).toMatchObject({ next: 'scan-again', refused: ['f1'] });
    }
    expect(screenAfterReserveError(created, apiError('INVALID_CODE'), { fingerprint: null, refused: [] })).toMatchObject({ refused: [] });
  });

  it('starts over when the server ended the cash-out', () => {
    for (const code of ['TOO_MANY_ATTEMPTS', 'AMOUNT_MISMATCH'] as const) {
      expect(screenAfterReserveError(created, apiError(code)), code).toMatchObject({ name: 'error', next: 'new-cashout' });
    }
  });

  it('reads the state back when the answer was lost or unexpected', () => {
    expect(screenAfterReserveError(created, new NetworkError())).toMatchObject({ name: 'checking', notice: { code: 'NETWORK' } });
    expect(screenAfterReserveError(created, apiError('INTERNAL'))).toMatchObject({ name: 'checking' });
    expect(screenAfterReserveError(created, apiError('WRONG_STATE'))).toMatchObject({ name: 'checking' });
  });
});

describe('after a confirm or cancel fails', () => {
  // A lost session is not a screen of the flow: the session turns to sign-in (test/e2e/session-lost.spec.ts).
  it('never guesses: every failure reads the state back', () => {
    const reserved = cashout({ status: 'reserved' });
    for (const error of [new NetworkError(), apiError('WALLET_UNAVAILABLE'), apiError('INTERNAL'), apiError('APPROVAL_REQUIRED')]) {
      expect(screenAfterError(reserved, error)).toMatchObject({ name: 'checking', cashout: reserved });
    }
  });
});

describe('screenToResume', () => {
  it('resumes a cash-out that is still going or paid, and drops one that ended without payout', () => {
    expect(screenToResume(cashout({ status: 'created' }))?.name).toBe('scan');
    expect(screenToResume(cashout({ status: 'reserved' }))?.name).toBe('verify');
    expect(screenToResume(cashout({ status: 'in_doubt' }))?.name).toBe('checking');
    expect(screenToResume(cashout({ status: 'confirmed' }))?.name).toBe('give-cash');
    for (const status of ['cancelled', 'expired', 'failed'] as const) expect(screenToResume(cashout({ status })), status).toBeNull();
  });
});
