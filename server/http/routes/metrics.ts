import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Metrics } from '../../metrics.ts';
import type { AppEnv } from '../env.ts';
import { errorResponse } from '../errors.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares digests, which have one length, so neither the token's length nor its content leaks through timing. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  return timingSafeEqual(digest(match?.[1] ?? ''), digest(token)) && match !== null;
}

/** `GET /metrics` for Prometheus, behind the bearer METRICS_TOKEN; createApp mounts it only when a token is set. */
export function metricsRoutes(metrics: Pick<Metrics, 'render' | 'contentType'>, token: string): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (!bearerMatches(c.req.header('Authorization'), token)) {
      c.header('WWW-Authenticate', 'Bearer');
      return errorResponse(c, 'UNAUTHENTICATED');
    }
    return c.body(await metrics.render(), 200, { 'Content-Type': metrics.contentType });
  });
  return routes;
}
