import { Hono } from 'hono';
import type { ConfigResponse } from '../../../shared/api.ts';
import { currencies, formatCents } from '../../../shared/money.ts';
import type { Config } from '../../config.ts';
import type { AppEnv } from '../env.ts';
import { cashierRoles, requireRole } from '../session.ts';

export function configRoutes(config: Config): Hono<AppEnv> {
  const body: ConfigResponse = {
    maxAmount: formatCents(config.maxAmountCents),
    supervisorThreshold: formatCents(config.supervisorThresholdCents),
    currencies: [...currencies],
    defaultCurrency: 'EUR',
    reserveSeconds: config.reserveSeconds,
    maxCodeAttempts: config.maxCodeAttempts,
    demo: config.mode === 'demo',
  };
  const routes = new Hono<AppEnv>();
  routes.get('/', requireRole(...cashierRoles), (c) => c.json(body));
  return routes;
}
