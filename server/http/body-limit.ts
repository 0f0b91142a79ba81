import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorBody } from '../../shared/errors.ts';

/** The largest API body is a login or a code: a few hundred bytes. */
export const maxBodyBytes = 16 * 1024;

export function limitBody(maxSize = maxBodyBytes): MiddlewareHandler {
  return bodyLimit({ maxSize, onError: (c) => c.json(errorBody('PAYLOAD_TOO_LARGE'), 413) });
}
