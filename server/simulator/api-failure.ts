import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { randomCorrelationId } from './ids.ts';

/** A refusal in the Wallet API's own error shape (wallet-api.md §5). */
export class WalletApiFailure extends Error {
  override readonly name = 'WalletApiFailure';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly error: string,
    readonly description?: string,
    readonly properties?: Record<string, string>,
  ) {
    super(`${error}${description ? `: ${description}` : ''}`);
  }
}

export function notFound(description: string): WalletApiFailure {
  return new WalletApiFailure(404, 'not_found', description);
}

export function invalidState(description: string): WalletApiFailure {
  return new WalletApiFailure(409, 'invalid_state', description);
}

export function invalidRequest(description: string): WalletApiFailure {
  return new WalletApiFailure(400, 'invalid_request', description);
}

export function unauthorized(description: string): WalletApiFailure {
  return new WalletApiFailure(401, 'unauthorized', description);
}

export function invalidParameters(error: z.ZodError): WalletApiFailure {
  const properties: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.reduce<string>(
      (name, part) => (typeof part === 'number' ? `${name}[${part}]` : name === '' ? String(part) : `${name}.${String(part)}`),
      '',
    );
    properties[field === '' ? 'body' : field] ??= issue.message;
  }
  return new WalletApiFailure(400, 'invalid_parameters', 'Some parameters are missing or invalid', properties);
}

/** The exact bodies the cash-out guide shows, as fixed in wallet-api.md "Decisions for Kasa". */
export const reservationFailures = {
  invalidCode: () => new WalletApiFailure(400, 'invalid_request', 'Invalid reservation code'),
  codeExpired: () => new WalletApiFailure(400, 'code_expired', 'Reservation code has expired'),
  insufficientFunds: () => new WalletApiFailure(400, 'insufficient_funds', 'Not enough money in wallet'),
};

export function failureResponse(c: Context, failure: WalletApiFailure): Response {
  const body: Record<string, unknown> = { error: failure.error };
  if (failure.description !== undefined) body.error_description = failure.description;
  if (failure.properties !== undefined) body.error_properties = failure.properties;
  c.header('paysera-correlation-id', randomCorrelationId());
  return c.json(body, failure.status);
}
