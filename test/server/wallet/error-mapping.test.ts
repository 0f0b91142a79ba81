import { describe, expect, it } from 'vitest';
import { mapWalletError } from '../../../server/wallet/error-mapping.ts';
import type { WalletOperation } from '../../../server/wallet/errors.ts';

type Row = [error: string, operation: WalletOperation, httpStatus: number, description: string | undefined, expected: string];

const table: Row[] = [
  ['invalid_request', 'reserve', 400, 'Invalid reservation code', 'INVALID_CODE'],
  ['invalid_request', 'reserve', 400, 'Something else', 'INVALID_CODE'],
  ['invalid_request', 'confirm', 400, 'Invalid reservation code', 'INVALID_CODE'],
  ['invalid_request', 'create', 400, 'Bad payments', 'INVALID_INPUT'],
  ['invalid_parameters', 'create', 400, undefined, 'INVALID_INPUT'],
  ['invalid_parameters', 'list', 400, undefined, 'INVALID_INPUT'],
  ['invalid_parameters', 'reserve', 400, undefined, 'INVALID_INPUT'],
  ['invalid_code', 'reserve', 400, undefined, 'INVALID_CODE'],
  ['not_found', 'reserve', 404, undefined, 'INVALID_CODE'],
  ['not_found', 'get', 404, undefined, 'NOT_FOUND'],
  ['not_found', 'confirm', 404, undefined, 'NOT_FOUND'],
  ['code_expired', 'reserve', 400, 'Reservation code has expired', 'CODE_EXPIRED'],
  ['insufficient_funds', 'reserve', 400, 'Not enough money in wallet', 'INSUFFICIENT_FUNDS'],
  ['not_enough_funds', 'reserve', 400, undefined, 'INSUFFICIENT_FUNDS'],
  ['limits_exceeded', 'reserve', 400, undefined, 'WALLET_REJECTED'],
  ['restriction_limits_exceeded', 'reserve', 400, undefined, 'WALLET_REJECTED'],
  ['no_rights', 'reserve', 403, undefined, 'WALLET_REJECTED'],
  ['restriction_violation', 'reserve', 400, undefined, 'WALLET_REJECTED'],
  ['client_not_verified', 'reserve', 400, undefined, 'WALLET_REJECTED'],
  ['payer_account_inactive', 'reserve', 400, undefined, 'WALLET_REJECTED'],
  ['client_restricted', 'reserve', 400, undefined, 'WALLET_REJECTED'],
  ['beneficiary_account_inactive', 'reserve', 400, undefined, 'WALLET_REJECTED'],
  ['payment_to_same_account', 'reserve', 400, undefined, 'WALLET_REJECTED'],
  ['invalid_state', 'confirm', 409, undefined, 'WRONG_STATE'],
  ['invalid_state', 'reserve', 409, undefined, 'WRONG_STATE'],
  ['rate_limit_exceeded', 'reserve', 429, undefined, 'RATE_LIMITED'],
  ['unauthorized', 'reserve', 401, undefined, 'WALLET_MISCONFIGURED'],
  ['unauthorized', 'get', 401, undefined, 'WALLET_MISCONFIGURED'],
  ['forbidden', 'create', 403, undefined, 'WALLET_MISCONFIGURED'],
  ['invalid_grant', 'create', 400, undefined, 'WALLET_MISCONFIGURED'],
  ['invalid_timestamp', 'confirm', 401, 'Timestamp is in future', 'WALLET_MISCONFIGURED'],
  ['not_acceptable', 'get', 406, undefined, 'WALLET_REJECTED'],
  ['something_new', 'reserve', 400, undefined, 'WALLET_REJECTED'],
  ['http_401', 'get', 401, undefined, 'WALLET_MISCONFIGURED'],
  ['http_403', 'reserve', 403, undefined, 'WALLET_MISCONFIGURED'],
  ['http_429', 'get', 429, undefined, 'RATE_LIMITED'],
  ['http_418', 'get', 418, undefined, 'WALLET_REJECTED'],
];

describe('mapWalletError', () => {
  it.each(table)('%s on %s (HTTP %i, %s) → %s', (error, operation, httpStatus, description, expected) => {
    expect(mapWalletError({ error, operation, httpStatus, ...(description !== undefined && { description }) })).toBe(expected);
  });
});
