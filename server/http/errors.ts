import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { errorBody, errorCatalogue, type ErrorCode } from '../../shared/errors.ts';
import { CashoutError } from '../cashout/types.ts';
import { DeskError } from '../desk/errors.ts';
import { StoreUnavailableError } from '../store/errors.ts';
import type { Logger } from '../log.ts';
import { WalletError, WalletOutcomeUnknown } from '../wallet/errors.ts';

export function errorResponse(c: Context, code: ErrorCode, message?: string): Response {
  return c.json(errorBody(code, message), errorCatalogue[code].status as ContentfulStatusCode);
}

/**
 * What to tell the client about input that failed validation: the schema's own words. An
 * unknown key is the one thing zod would name from the input, so it is described, not named;
 * `fields`, the top-level keys of the schema when known, lists what the request does take.
 */
export function validationMessage(issues: ZodError['issues'], fields?: readonly string[]): string | undefined {
  const issue = issues[0];
  if (issue?.code !== 'unrecognized_keys') return issue?.message;
  return fields && issue.path.length === 0 ? `The request has a field it does not take; it takes only ${fields.join(', ')}.` : 'The request has a field it does not take.';
}

const byHttpStatus: Partial<Record<number, ErrorCode>> = {
  400: 'INVALID_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * Maps every thrown error to the one error shape. Only catalogue texts and the workflow's own
 * messages go out; nothing from the request is ever echoed, and bodies are never logged.
 */
export function handleErrors(log: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof CashoutError || error instanceof DeskError) {
      return errorResponse(c, error.code, error.message === error.code ? undefined : error.message);
    }
    if (error instanceof ZodError) {
      return errorResponse(c, 'INVALID_INPUT', validationMessage(error.issues));
    }
    if (error instanceof WalletError) return errorResponse(c, error.code);
    if (error instanceof WalletOutcomeUnknown) return errorResponse(c, 'WALLET_UNAVAILABLE');
    if (error instanceof StoreUnavailableError) {
      log.warn({ err: error.cause, method: c.req.method, path: c.req.path }, 'database unavailable');
      return errorResponse(c, 'DATABASE_UNAVAILABLE');
    }
    if (error instanceof HTTPException) {
      const code = byHttpStatus[error.status];
      if (code) return errorResponse(c, code);
    }
    log.error({ err: error, method: c.req.method, path: c.req.path }, 'unexpected error');
    return errorResponse(c, 'INTERNAL');
  };
}

export function handleNotFound(): NotFoundHandler {
  return (c) => errorResponse(c, 'NOT_FOUND');
}
