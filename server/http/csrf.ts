import type { MiddlewareHandler } from 'hono';
import { errorBody } from '../../shared/errors.ts';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Defence in depth beside SameSite=Strict: a state-changing request must carry an Origin equal to
 * the server's own (scheme + Host header) or the configured public origin. Browsers always send
 * Origin on such fetches, so a missing one is refused as well. The Host header is only to be
 * trusted because hostCheck ran first and refused any name that is not Kasa's own.
 */
export function originCheck(publicOrigin: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (!stateChanging.has(c.req.method)) return next();
    const origin = c.req.header('Origin');
    const own = new URL(c.req.url).origin;
    if (origin === undefined || (origin !== own && origin !== publicOrigin)) {
      return c.json(errorBody('CSRF_REJECTED'), 403);
    }
    return next();
  };
}
