import { Hono } from 'hono';
import {
  approveRequest,
  confirmRequest,
  createCashoutRequest,
  reserveRequest,
  type Cashout,
  type HistoryResponse,
} from '../../../shared/api.ts';
import { parseAmount } from '../../../shared/money.ts';
import type { CashoutService } from '../../cashout/types.ts';
import type { CashoutRecord } from '../../store/types.ts';
import type { HolderNameReader } from '../../wallet/holder-name.ts';
import type { CredentialCheck } from '../credential-check.ts';
import type { AppEnv } from '../env.ts';
import { errorResponse } from '../errors.ts';
import { jsonBody } from '../json-body.ts';
import { badDateMessage, requestedDay } from '../local-day.ts';
import { cashoutJson, confirmedTotals, type PresentationSettings } from '../presenters.ts';
import { cashierRoles, currentUser, requireRole } from '../session.ts';

export interface CashoutRoutesDeps {
  service: CashoutService;
  settings: PresentationSettings;
  checkCredentials: CredentialCheck;
  holderNames: HolderNameReader;
  now: () => number;
}

export function cashoutRoutes({ service, settings, checkCredentials, holderNames, now }: CashoutRoutesDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireRole(...cashierRoles));
  const defaultCurrency = settings.limits[0]?.currency ?? 'EUR';

  routes.get('/', async (c) => {
    const day = requestedDay(c.req.query('date'), now());
    if (!day) return errorResponse(c, 'INVALID_INPUT', badDateMessage);
    const records = await service.list(currentUser(c), day.from, day.to);
    const body: HistoryResponse = {
      date: day.date,
      cashouts: records.map((record) => cashoutJson(record, settings)),
      totals: confirmedTotals(records),
    };
    return c.json(body);
  });

  routes.post('/', jsonBody(createCashoutRequest), async (c) => {
    const { amount, currency = defaultCurrency } = c.get('body');
    const parsed = parseAmount(amount);
    if (!parsed.ok) return errorResponse(c, 'INVALID_INPUT', parsed.reason);
    const record = await service.create(currentUser(c), { amountCents: parsed.cents, currency });
    return c.json(cashoutJson(record, settings), 201);
  });

  /**
   * The verify screen's two ways in: straight after the reservation, and a reload while it holds.
   * The holder's name is read live from Paysera each time, because Kasa keeps it nowhere.
   */
  async function withHolderName(record: CashoutRecord): Promise<Cashout> {
    const json = cashoutJson(record, settings);
    if (record.status !== 'reserved' || record.transactionKey === null) return json;
    return { ...json, holderName: await holderNames(record.transactionKey, record.payseraLocationId) };
  }

  routes.get('/:id', async (c) => {
    return c.json(await withHolderName(await service.get(currentUser(c), c.req.param('id'))));
  });

  routes.post('/:id/reserve', jsonBody(reserveRequest), async (c) => {
    const record = await service.reserve(currentUser(c), c.req.param('id'), c.get('body').code);
    return c.json(await withHolderName(record));
  });

  routes.post('/:id/approve', jsonBody(approveRequest), async (c) => {
    const { username, password } = c.get('body');
    const approver = await checkCredentials(c, username, password);
    if (approver instanceof Response) return approver;
    const record = await service.approve(currentUser(c), c.req.param('id'), { username: approver.username, role: approver.role });
    return c.json(cashoutJson(record, settings));
  });

  routes.post('/:id/confirm', jsonBody(confirmRequest), async (c) => {
    const record = await service.confirm(currentUser(c), c.req.param('id'), c.get('body').identityChecks);
    return c.json(cashoutJson(record, settings));
  });

  routes.post('/:id/cancel', async (c) => {
    return c.json(cashoutJson(await service.cancel(currentUser(c), c.req.param('id')), settings));
  });

  return routes;
}
