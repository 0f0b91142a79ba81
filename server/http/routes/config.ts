import { Hono } from 'hono';
import type { ConfigResponse } from '../../../shared/api.ts';
import { formatCents } from '../../../shared/money.ts';
import type { Config } from '../../config.ts';
import type { AppEnv } from '../env.ts';
import { cashierRoles, requireRole } from '../session.ts';

export function configRoutes(config: Config): Hono<AppEnv> {
  const [first] = config.limits;
  if (!first) throw new Error('The configuration accepts no currency.');
  const limits = config.limits.map((entry) => ({
    currency: entry.currency,
    maxAmount: formatCents(entry.maxAmountCents),
    supervisorThreshold: formatCents(entry.supervisorThresholdCents),
    dailyCap: entry.dailyCapCents === null ? null : formatCents(entry.dailyCapCents),
  }));
  const body: ConfigResponse = {
    maxAmount: formatCents(first.maxAmountCents),
    supervisorThreshold: formatCents(first.supervisorThresholdCents),
    currencies: config.limits.map((entry) => entry.currency),
    defaultCurrency: first.currency,
    limits,
    reserveSeconds: config.reserveSeconds,
    maxCodeAttempts: config.maxCodeAttempts,
    demo: config.mode === 'demo',
    shopName: config.shopName,
    requireShift: config.requireShift,
    tillTolerance: formatCents(config.tillToleranceCents),
  };
  const routes = new Hono<AppEnv>();
  routes.get('/', requireRole(...cashierRoles), (c) => c.json(body));
  return routes;
}
