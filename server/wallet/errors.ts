import type { ErrorCode } from '../../shared/errors.ts';

/** Paysera answered with an error body: the outcome is known (nothing happened). */
export class WalletError extends Error {
  override readonly name = 'WalletError';
  constructor(
    readonly code: ErrorCode,
    readonly walletError: string,
    readonly httpStatus: number,
    readonly description?: string,
    readonly correlationId?: string,
  ) {
    super(`Wallet API ${walletError} (${httpStatus})${description ? `: ${description}` : ''}`);
  }
}

export type WalletOperation = 'server' | 'create' | 'get' | 'reserve' | 'confirm' | 'revoke' | 'list' | 'wallet';

/**
 * The call timed out, the connection dropped, or Paysera answered with a 5xx: the request may or
 * may not have been applied. Only reading the transaction back can tell.
 */
export class WalletOutcomeUnknown extends Error {
  override readonly name = 'WalletOutcomeUnknown';
  constructor(
    readonly operation: WalletOperation,
    readonly reason: string,
  ) {
    super(`Wallet API ${operation}: outcome unknown (${reason})`);
  }
}
