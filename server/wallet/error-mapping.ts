import type { ErrorCode } from '../../shared/errors.ts';
import type { WalletOperation } from './errors.ts';

export interface PayseraErrorInput {
  error: string;
  description?: string;
  httpStatus: number;
  operation: WalletOperation;
}

/** The refusals Paysera lists for every reserve path (wallet-api.md §4.5): the customer's wallet said no. */
const walletRefusals = new Set([
  'limits_exceeded',
  'restriction_limits_exceeded',
  'no_rights',
  'restriction_violation',
  'client_not_verified',
  'payer_account_inactive',
  'client_restricted',
  'beneficiary_account_inactive',
  'payment_to_same_account',
]);

/**
 * Operator problems, never the customer's: credentials, permissions, or a clock that stays off
 * even after the resync. Shown to the cashier as "call the administrator", never as a bad code.
 */
const configurationErrors = new Set(['unauthorized', 'forbidden', 'invalid_grant', 'invalid_timestamp']);

/** Paysera error body → Kasa error code. Reserve is special: it has only one input, the code. */
export function mapWalletError({ error, description, httpStatus, operation }: PayseraErrorInput): ErrorCode {
  const onReserve = operation === 'reserve';
  if (error === 'invalid_code') return 'INVALID_CODE';
  if (error === 'invalid_request' && description === 'Invalid reservation code') return 'INVALID_CODE';
  if (error === 'invalid_request') return onReserve ? 'INVALID_CODE' : 'INVALID_INPUT';
  // Not an invalid code even on reserve: a missing or malformed field (say, a renamed code field) must not
  // send the cashier round in circles asking for new codes.
  if (error === 'invalid_parameters') return 'INVALID_INPUT';
  if (error === 'not_found') return onReserve ? 'INVALID_CODE' : 'NOT_FOUND';
  if (error === 'code_expired') return 'CODE_EXPIRED';
  if (error === 'insufficient_funds' || error === 'not_enough_funds') return 'INSUFFICIENT_FUNDS';
  if (walletRefusals.has(error)) return 'WALLET_REJECTED';
  if (error === 'invalid_state') return 'WRONG_STATE';
  if (error === 'rate_limit_exceeded') return 'RATE_LIMITED';
  if (configurationErrors.has(error)) return 'WALLET_MISCONFIGURED';
  return mapByStatus(httpStatus);
}

/** For error names we do not know (or bodies without one), the HTTP status still says whose problem it is. */
function mapByStatus(httpStatus: number): ErrorCode {
  if (httpStatus === 401 || httpStatus === 403) return 'WALLET_MISCONFIGURED';
  if (httpStatus === 429) return 'RATE_LIMITED';
  return 'WALLET_REJECTED';
}
