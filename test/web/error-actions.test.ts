import { describe, expect, it } from 'vitest';
import { errorCatalogue, type ErrorCode } from '../../shared/errors.ts';
import { mainErrorAction } from '../../web/error-actions.ts';
import type { Failure } from '../../web/failure.ts';

function server(code: ErrorCode): Failure {
  return { kind: 'server', code, ...errorCatalogue[code] };
}

describe('mainErrorAction', () => {
  it('fits the refusals of a code that may be followed by another', () => {
    expect(mainErrorAction(server('INSUFFICIENT_FUNDS'), 'scan-again')).toBe('change-amount');
    expect(mainErrorAction(server('INVALID_CODE'), 'scan-again')).toBe('scan-new-code');
    expect(mainErrorAction(server('CODE_EXPIRED'), 'scan-again')).toBe('scan-new-code');
  });

  it('offers the same code again where the refusal was not about the code', () => {
    for (const code of ['WALLET_UNAVAILABLE', 'RATE_LIMITED', 'INVALID_INPUT', 'WALLET_REJECTED'] as const) {
      expect(mainErrorAction(server(code), 'scan-again'), code).toBe('scan-again');
    }
    expect(mainErrorAction({ kind: 'local', code: 'NETWORK' }, 'scan-again')).toBe('scan-again');
  });

  it('keeps the amount only after the tries ran out', () => {
    expect(mainErrorAction(server('TOO_MANY_ATTEMPTS'), 'new-cashout')).toBe('new-cashout-same-amount');
    expect(mainErrorAction(server('AMOUNT_MISMATCH'), 'new-cashout')).toBe('new-cashout');
    expect(mainErrorAction({ kind: 'local', code: 'EXPIRED' }, 'new-cashout')).toBe('new-cashout');
  });
});
