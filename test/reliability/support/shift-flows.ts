import type { CurrentShiftResponse } from '../../../shared/desk-api.ts';
import { formatCents, parseCount } from '../../../shared/money.ts';
import type { LocationRecord } from '../../../server/store/desk-types.ts';
import type { ApiResponse } from './api-session.ts';
import { type FlowContext, isTerminalStatus, type Plan, runFlow } from './flows.ts';
import { listAllCashouts } from './settle.ts';

/**
 * Cashiers working in shifts: each opens a shift with a counted float at a location, takes plans
 * from the shared queue as cash-outs out of that drawer, records pay-ins and drops between them,
 * and closes with a count (now and then off, so a supervisor signs it off). Every answer the desk
 * gives that a correct server never would is recorded as an anomaly, like the flows' own.
 */

export interface ShiftRun {
  /** What each cashier counted at each close, by shift id. */
  counted: Map<string, number>;
  opened: number;
  signedOff: number;
  payIns: number;
  drops: number;
}

export interface ShiftOptions {
  locations: readonly LocationRecord[];
  plansPerShift: readonly [min: number, max: number];
  since: number;
}

const busyRetryMs = 250;
const maxCloseTries = 400;

function eurIn(cash: readonly { amount: string; currency: string }[] | undefined): number {
  const entry = cash?.find((item) => item.currency === 'EUR');
  if (!entry) return 0;
  const parsed = parseCount(entry.amount);
  if (!parsed.ok) throw new Error(`not an amount: ${entry.amount}`);
  return parsed.cents;
}

export async function runShiftCashiers(contexts: readonly FlowContext[], plans: readonly Plan[], options: ShiftOptions): Promise<ShiftRun> {
  const run: ShiftRun = { counted: new Map(), opened: 0, signedOff: 0, payIns: 0, drops: 0 };
  let next = 0;

  await Promise.all(
    contexts.map(async (plain) => {
      const ctx: FlowContext = { ...plain, fromDrawer: true };
      const { cashier, random, recorder } = ctx;
      const expect = (what: string, response: ApiResponse, status: number) => {
        if (response.status !== status) recorder.anomalies.push(`${what} answered ${response.status}: ${response.text.slice(0, 300)}`);
        return response.status === status;
      };
      const current = async () => ((await cashier.request('GET', '/api/shifts/current')).json as CurrentShiftResponse).shift;

      const moveCash = async (shiftId: string, plan: Plan) => {
        const available = eurIn((await current())?.available);
        let movement: { kind: 'pay_in' | 'drop'; cents: number } | null = null;
        if (available < plan.amountCents && random.chance(0.6)) movement = { kind: 'pay_in', cents: plan.amountCents - available + random.int(0, 500_00) };
        else if (available > 0 && random.chance(0.15)) movement = { kind: 'drop', cents: random.int(1, available) };
        else if (random.chance(0.1)) movement = { kind: 'pay_in', cents: random.int(1, 200_00) };
        if (movement === null) return;
        const body = { kind: movement.kind, amount: formatCents(movement.cents), currency: 'EUR', reason: movement.kind === 'drop' ? 'to the safe' : 'change from the bank' };
        if (expect(`${movement.kind} of ${body.amount}`, await cashier.request('POST', `/api/shifts/${shiftId}/movements`, body), 201)) {
          if (movement.kind === 'drop') run.drops += 1;
          else run.payIns += 1;
        }
      };

      /** What a cashier does when the close says a cash-out is still in progress: finish it off. */
      const settleOwnCashouts = async () => {
        for (const cashout of await listAllCashouts(cashier, options.since)) {
          if (isTerminalStatus(cashout.status)) continue;
          if (cashout.status === 'in_doubt') await cashier.request('GET', `/api/cashouts/${cashout.id}`);
          else await cashier.request('POST', `/api/cashouts/${cashout.id}/cancel`);
        }
      };

      const close = async (shiftId: string) => {
        for (let tries = 1; tries <= maxCloseTries; tries += 1) {
          const expected = eurIn((await current())?.expected);
          const countedCents = random.chance(0.6) ? expected : Math.max(0, expected + random.int(-500, 500));
          const response = await cashier.request('POST', `/api/shifts/${shiftId}/close`, { counted: [{ amount: formatCents(countedCents), currency: 'EUR' }] });
          const body = response.json as { error?: { code: string }; needsSignOff?: boolean } | undefined;
          if (response.status === 409 && body?.error?.code === 'SHIFT_BUSY') {
            await settleOwnCashouts();
            await new Promise((resolve) => setTimeout(resolve, busyRetryMs));
            continue;
          }
          if (!expect(`close of ${shiftId}`, response, 200)) return;
          run.counted.set(shiftId, countedCents);
          if (body?.needsSignOff) {
            const { username, password } = ctx.approver;
            if (expect(`sign-off of ${shiftId}`, await cashier.request('POST', `/api/shifts/${shiftId}/sign-off`, { username, password }), 200)) run.signedOff += 1;
          }
          return;
        }
        recorder.anomalies.push(`shift ${shiftId} stayed busy through ${maxCloseTries} tries to close it`);
      };

      while (next < plans.length) {
        const float = formatCents(random.int(200_00, 3000_00));
        const opened = await cashier.request('POST', '/api/shifts', { locationId: random.pick(options.locations).id, float: [{ amount: float, currency: 'EUR' }] });
        if (!expect('open', opened, 201)) return;
        run.opened += 1;
        const shiftId = (opened.json as { shift: { id: string } }).shift.id;
        for (let count = random.int(...options.plansPerShift); count > 0; count -= 1) {
          const plan = plans[next];
          next += 1;
          if (plan === undefined) break;
          await moveCash(shiftId, plan);
          await runFlow(ctx, plan);
        }
        await close(shiftId);
      }
    }),
  );
  return run;
}
