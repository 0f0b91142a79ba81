import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Metrics } from '../metrics.ts';
import type { AppEnv } from './env.ts';

/**
 * The route a request matched, as registered (`/api/cashouts/:id/reserve`): middleware registered
 * with `use` matches everything and says nothing, so the last method route is the one. A path that
 * matched none is `unmatched`, so a scan of random URLs adds one series, not one per URL.
 */
export function routePatternOf(c: Context<AppEnv>): string {
  const route = matchedRoutes(c).findLast((candidate) => candidate.method !== 'ALL');
  return route?.path ?? 'unmatched';
}

/** Counts every answered request, error answers included (Hono has turned a throw into a response by the time next() returns). */
export function countRequests(metrics: Pick<Metrics, 'httpRequest'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    metrics.httpRequest(c.req.method, routePatternOf(c), c.res.status);
  };
}
