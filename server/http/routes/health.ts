import { Hono } from 'hono';
import type { HealthResponse } from '../../../shared/api.ts';
import type { AppEnv } from '../env.ts';

/**
 * 503 when the database cannot be reached, so a load balancer takes the instance out; otherwise
 * 200, and the body tells whether Paysera is reachable, so the PWA can show it.
 */
export function healthRoutes(health: () => Promise<HealthResponse>): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', async (c) => {
    const answer = await health();
    return c.json(answer, answer.database.reachable ? 200 : 503);
  });
  return routes;
}
