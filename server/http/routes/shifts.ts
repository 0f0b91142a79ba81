import { Hono } from 'hono';
import { approveRequest } from '../../../shared/api.ts';
import {
  type CashCount,
  closeShiftRequest,
  type CloseShiftResponse,
  type CurrentShiftResponse,
  movementRequest,
  openShiftRequest,
  type ShiftResponse,
  type ShiftsResponse,
} from '../../../shared/desk-api.ts';
import { localDate } from '../../../shared/local-date.ts';
import { parseAmount, parseCount } from '../../../shared/money.ts';
import { DeskError } from '../../desk/errors.ts';
import type { DeskService } from '../../desk/service.ts';
import type { CashAmount } from '../../store/desk-types.ts';
import type { CredentialCheck } from '../credential-check.ts';
import { cashJson, shiftJson, zReportJson } from '../desk-presenters.ts';
import type { AppEnv } from '../env.ts';
import { errorResponse } from '../errors.ts';
import { jsonBody } from '../json-body.ts';
import { badDateMessage, requestedDay } from '../local-day.ts';
import { cashierRoles, currentUser, requireRole } from '../session.ts';
import { zReportCsv } from '../z-report-csv.ts';

export interface ShiftRoutesDeps {
  desk: DeskService;
  checkCredentials: CredentialCheck;
  now: () => number;
}

/** The schema has checked every amount already; this turns them into cents. */
function centsOf(counts: readonly CashCount[]): CashAmount[] {
  return counts.map(({ amount, currency }) => {
    const parsed = parseCount(amount);
    if (!parsed.ok) throw new DeskError('INVALID_INPUT', parsed.reason);
    return { currency, amountCents: parsed.cents };
  });
}

const locationIdPattern = /^[\w-]{1,64}$/;

/** Shifts of design §3.1. Who may act on a shift (its cashier, a supervisor) is the desk's rule, not the route's. */
export function shiftRoutes({ desk, checkCredentials, now }: ShiftRoutesDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireRole(...cashierRoles));

  routes.post('/', jsonBody(openShiftRequest), async (c) => {
    const { locationId, float } = c.get('body');
    const body: ShiftResponse = { shift: shiftJson(await desk.open(currentUser(c), { locationId, float: centsOf(float) })) };
    return c.json(body, 201);
  });

  routes.get('/current', async (c) => {
    const state = await desk.current(currentUser(c));
    const body: CurrentShiftResponse = { shift: state === null ? null : shiftJson(state) };
    return c.json(body);
  });

  routes.get('/', async (c) => {
    const day = requestedDay(c.req.query('date'), now());
    if (!day) return errorResponse(c, 'INVALID_INPUT', badDateMessage);
    const locationId = c.req.query('locationId');
    if (locationId !== undefined && !locationIdPattern.test(locationId)) return errorResponse(c, 'INVALID_INPUT', 'That is not a location id.');
    const states = await desk.shiftsOf(currentUser(c), day, locationId);
    const body: ShiftsResponse = { date: day.date, shifts: states.map(shiftJson) };
    return c.json(body);
  });

  routes.post('/:id/movements', jsonBody(movementRequest), async (c) => {
    const { kind, amount, currency, reason } = c.get('body');
    const parsed = parseAmount(amount);
    if (!parsed.ok) return errorResponse(c, 'INVALID_INPUT', parsed.reason);
    const state = await desk.move(currentUser(c), c.req.param('id'), { kind, amountCents: parsed.cents, currency, reason });
    const body: ShiftResponse = { shift: shiftJson(state) };
    return c.json(body, 201);
  });

  routes.post('/:id/close', jsonBody(closeShiftRequest), async (c) => {
    const state = await desk.close(currentUser(c), c.req.param('id'), centsOf(c.get('body').counted));
    const shift = shiftJson(state);
    const body: CloseShiftResponse = {
      shift,
      expected: shift.expected,
      counted: shift.counted ?? [],
      difference: cashJson(state.difference ?? []),
      needsSignOff: state.needsSignOff,
    };
    return c.json(body);
  });

  routes.post('/:id/sign-off', jsonBody(approveRequest), async (c) => {
    const { username, password } = c.get('body');
    const signer = await checkCredentials(c, username, password);
    if (signer instanceof Response) return signer;
    const state = await desk.signOff(currentUser(c), c.req.param('id'), { username: signer.username, role: signer.role });
    const body: ShiftResponse = { shift: shiftJson(state) };
    return c.json(body);
  });

  routes.get('/:id/report', async (c) => {
    return c.json(zReportJson(await desk.report(currentUser(c), c.req.param('id'))));
  });

  routes.get('/:id/report.csv', async (c) => {
    const state = await desk.report(currentUser(c), c.req.param('id'));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="kasa-z-report-${localDate(state.shift.openedAt)}-${state.shift.cashier}.csv"`);
    return c.body(zReportCsv(state));
  });

  return routes;
}
