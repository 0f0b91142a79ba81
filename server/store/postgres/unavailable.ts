import { StoreUnavailableError } from '../errors.ts';

/**
 * Which driver errors mean "the database cannot be reached" rather than "the database refused
 * this statement". Only the first kind becomes StoreUnavailableError: a CHECK or a unique
 * violation must still reach the caller as what it is.
 */

const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now; class 08 is "connection exception".
const serverCodes = new Set(['57P01', '57P02', '57P03']);
// node-postgres reports a dropped socket or a pool wait that ran out with these messages and no code.
const driverMessages = /Connection terminated|not queryable|timeout exceeded when trying to connect/i;

export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return socketCodes.has(code) || serverCodes.has(code) || code.startsWith('08');
  return driverMessages.test(error.message);
}

/** The error to hand on: StoreUnavailableError for a lost or refused connection, anything else untouched. */
export function translated(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  return isConnectionError(error) ? new StoreUnavailableError({ cause: error }) : error;
}
