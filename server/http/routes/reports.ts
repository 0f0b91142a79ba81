import { Hono } from 'hono';
import type { DailyReport } from '../../../shared/api.ts';
import type { CashoutService } from '../../cashout/types.ts';
import type { CashoutRecord } from '../../store/types.ts';
import type { AppEnv } from '../env.ts';
import { errorResponse } from '../errors.ts';
import { badDateMessage, requestedDay } from '../local-day.ts';
import { confirmedTotals } from '../presenters.ts';
import { currentUser, requireRole, supervisorRoles } from '../session.ts';

/** For the till count: what each cashier actually paid out, per currency. */
export function dailyRows(records: readonly CashoutRecord[]): DailyReport['rows'] {
  const perCashier = new Map<string, CashoutRecord[]>();
  for (const record of records) perCashier.set(record.cashier, [...(perCashier.get(record.cashier) ?? []), record]);
  return [...perCashier.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([cashier, own]) => confirmedTotals(own).map((total) => ({ cashier, ...total })));
}

export function reportRoutes(service: CashoutService, now: () => number): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireRole(...supervisorRoles));

  routes.get('/daily', async (c) => {
    const day = requestedDay(c.req.query('date'), now());
    if (!day) return errorResponse(c, 'INVALID_INPUT', badDateMessage);
    const records = await service.list(currentUser(c), day.from, day.to);
    const report: DailyReport = { date: day.date, rows: dailyRows(records), totals: confirmedTotals(records) };
    return c.json(report);
  });

  return routes;
}
