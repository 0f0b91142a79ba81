import type { CurrentShiftResponse } from '../../../shared/desk-api.ts';
import { formatCents, parseCount } from '../../../shared/money.ts';
import type { ApiResponse, ApiSession } from '../../reliability/support/api-session.ts';
import { isTerminalStatus } from '../../reliability/support/flows.ts';
import { listAllCashouts } from '../../reliability/support/settle.ts';

/**
 * The cash desk around a run of cash-outs, all over HTTP: the admin adds a location and accounts,
 * every cashier opens a shift there before paying out, and after the run moves cash, closes with
 * a count (one short, signed off by a supervisor) and the Z-reports are read. So the desk's
 * tables hold rows, and its answers are among those searched, before anything is searched.
 */

export const deskLocationName = 'At-rest test shop, Gedimino 9';

/** A float no run of cash-outs can exhaust: the run is about secrets, not about refusals for want of cash. */
const float = '90000.00';

function required(what: string, response: ApiResponse, status: number): ApiResponse {
  if (response.status !== status) throw new Error(`${what}: HTTP ${response.status} ${response.text.slice(0, 300)}`);
  return response;
}

export interface OpenDesk {
  locationId: string;
  /** Each cashier's shift, in the order of the sessions given. */
  shiftIds: string[];
}

export async function openDesk(admin: ApiSession, cashiers: readonly ApiSession[]): Promise<OpenDesk> {
  const added = required('add location', await admin.request('POST', '/api/locations', { name: 'At-rest test shop', payseraLocationId: 'AT-REST-1' }), 201);
  const locationId = (added.json as { location: { id: string } }).location.id;
  required('rename location', await admin.request('PATCH', `/api/locations/${locationId}`, { name: deskLocationName }), 200);
  const shiftIds: string[] = [];
  for (const cashier of cashiers) {
    const opened = required('open shift', await cashier.request('POST', '/api/shifts', { locationId, float: [{ amount: float, currency: 'EUR' }] }), 201);
    shiftIds.push((opened.json as { shift: { id: string } }).shift.id);
  }
  return { locationId, shiftIds };
}

/** Account changes with passwords typed in by the admin; returns those passwords, to be searched for. */
export async function changeAccounts(admin: ApiSession): Promise<string[]> {
  const typed = 'Typed-At-Rest-Password-41';
  const reset = 'Reset-At-Rest-Password-77';
  required('add user', await admin.request('POST', '/api/users', { username: 'at-rest-new', role: 'cashier', password: typed }), 201);
  required('reset password', await admin.request('PATCH', '/api/users/at-rest-new', { password: reset, role: 'supervisor' }), 200);
  required('disable', await admin.request('PATCH', '/api/users/at-rest-new', { disabled: true }), 200);
  required('list users', await admin.request('GET', '/api/users'), 200);
  return [typed, reset];
}

const busyRetryMs = 250;
const maxCloseTries = 80;

async function closeWhenIdle(cashier: ApiSession, shiftId: string, since: number, short: boolean): Promise<{ needsSignOff: boolean }> {
  for (let tries = 1; tries <= maxCloseTries; tries += 1) {
    const current = (required('current shift', await cashier.request('GET', '/api/shifts/current'), 200).json as CurrentShiftResponse).shift;
    const expected = parseCount(current?.expected.find((cash) => cash.currency === 'EUR')?.amount ?? '0');
    if (!expected.ok) throw new Error(`expected cash of ${shiftId}: ${expected.reason}`);
    const counted = formatCents(short ? expected.cents - 100 : expected.cents);
    const response = await cashier.request('POST', `/api/shifts/${shiftId}/close`, { counted: [{ amount: counted, currency: 'EUR' }] });
    if (response.status === 200) return response.json as { needsSignOff: boolean };
    if ((response.json as { error?: { code: string } } | null)?.error?.code !== 'SHIFT_BUSY') required('close shift', response, 200);
    // What a cashier does when a cash-out of the shift is still in progress: finish it off.
    for (const cashout of await listAllCashouts(cashier, since)) {
      if (isTerminalStatus(cashout.status)) continue;
      if (cashout.status === 'in_doubt') await cashier.request('GET', `/api/cashouts/${cashout.id}`);
      else await cashier.request('POST', `/api/cashouts/${cashout.id}/cancel`);
    }
    await new Promise((resolve) => setTimeout(resolve, busyRetryMs));
  }
  throw new Error(`shift ${shiftId} stayed busy`);
}

/**
 * A pay-in and a drop in every drawer, then the close: the last cashier counts one euro short and
 * `approver` signs it off on that cashier's device. A supervisor then reads every Z-report.
 */
export async function closeDesk(
  cashiers: readonly ApiSession[],
  desk: OpenDesk,
  options: { supervisor: ApiSession; approver: { username: string; password: string }; since: number },
): Promise<void> {
  for (const [index, cashier] of cashiers.entries()) {
    const shiftId = desk.shiftIds[index] ?? '';
    required('pay-in', await cashier.request('POST', `/api/shifts/${shiftId}/movements`, { kind: 'pay_in', amount: '120.00', currency: 'EUR', reason: 'change from the bank' }), 201);
    required('drop', await cashier.request('POST', `/api/shifts/${shiftId}/movements`, { kind: 'drop', amount: '80.00', currency: 'EUR', reason: 'to the safe' }), 201);
    const short = index === cashiers.length - 1;
    const closed = await closeWhenIdle(cashier, shiftId, options.since, short);
    if (closed.needsSignOff !== short) throw new Error(`close of ${shiftId}: needsSignOff ${closed.needsSignOff}`);
    const { username, password } = options.approver;
    if (short) required('sign-off', await cashier.request('POST', `/api/shifts/${shiftId}/sign-off`, { username, password }), 200);
  }
  for (const shiftId of desk.shiftIds) {
    required('Z-report', await options.supervisor.request('GET', `/api/shifts/${shiftId}/report`), 200);
    required('Z-report CSV', await options.supervisor.request('GET', `/api/shifts/${shiftId}/report.csv`), 200);
  }
}
