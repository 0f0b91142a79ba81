import { Hono } from 'hono';
import type { HealthResponse } from '../../../shared/api.ts';
import type { AppEnv } from '../env.ts';

/** Always 200: the body tells whether Paysera is reachable, so the PWA can show it. */
export function healthRoutes(health: () => Promise<HealthResponse>): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', async (c) => c.json(await health()));
  return routes;
}
