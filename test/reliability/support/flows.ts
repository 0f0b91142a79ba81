import type { Cashout } from '../../../shared/api.ts';
import { formatCents } from '../../../shared/money.ts';
import type { ApiResponse, ApiSession } from './api-session.ts';
import type { TestAccount } from './accounts.ts';
import type { Customers } from './customers.ts';
import type { FaultInjector, WalletEndpoint } from './fault-injector.ts';
import type { Random } from './random.ts';

/**
 * A cashier at the till, driven by a plan: what the customer hands over (good, wrong, stale or
 * unfunded codes) and how the cash-out is meant to end. The driver reacts to what the server
 * answers the way the PWA would, and records every answer that a correct server never gives.
 */

export type PlanKind =
  | 'pay'
  | 'pay_with_approval'
  | 'cancel_before_code'
  | 'cancel_after_reserve'
  | 'invalid_then_pay'
  | 'expired_then_cancel'
  | 'attempts_exhausted'
  | 'insufficient_then_cancel'
  | 'over_limit';

export type CodeAttempt = 'valid' | 'invalid' | 'expired' | 'unfunded';

export interface Plan {
  kind: PlanKind;
  amountCents: number;
  /** Codes in the order the customer hands them over. */
  attempts: CodeAttempt[];
  finish: 'confirm' | 'cancel';
}

export interface Limits {
  maxAmountCents: number;
  supervisorThresholdCents: number;
  maxCodeAttempts: number;
}

const planWeights: readonly (readonly [number, PlanKind])[] = [
  [50, 'pay'],
  [6, 'pay_with_approval'],
  [7, 'cancel_before_code'],
  [8, 'cancel_after_reserve'],
  [8, 'invalid_then_pay'],
  [6, 'expired_then_cancel'],
  [5, 'attempts_exhausted'],
  [6, 'insufficient_then_cancel'],
  [4, 'over_limit'],
];

export function makePlan(random: Random, limits: Limits): Plan {
  const kind = random.weighted(planWeights);
  const below = random.int(100, limits.supervisorThresholdCents - 1);
  switch (kind) {
    case 'pay':
      return { kind, amountCents: below, attempts: ['valid'], finish: 'confirm' };
    case 'pay_with_approval':
      return { kind, amountCents: random.int(limits.supervisorThresholdCents, limits.maxAmountCents), attempts: ['valid'], finish: 'confirm' };
    case 'cancel_before_code':
      return { kind, amountCents: below, attempts: [], finish: 'cancel' };
    case 'cancel_after_reserve':
      return { kind, amountCents: below, attempts: ['valid'], finish: 'cancel' };
    case 'invalid_then_pay':
      return { kind, amountCents: below, attempts: ['invalid', 'valid'], finish: 'confirm' };
    case 'expired_then_cancel':
      return { kind, amountCents: below, attempts: ['expired'], finish: 'cancel' };
    case 'attempts_exhausted':
      return { kind, amountCents: below, attempts: Array<CodeAttempt>(limits.maxCodeAttempts).fill('invalid'), finish: 'cancel' };
    case 'insufficient_then_cancel':
      return { kind, amountCents: below, attempts: ['unfunded'], finish: 'cancel' };
    case 'over_limit':
      return { kind, amountCents: limits.maxAmountCents + random.int(1, 100_000), attempts: [], finish: 'cancel' };
  }
}

const terminal = new Set(['confirmed', 'cancelled', 'expired', 'failed']);

export function isTerminalStatus(status: string): boolean {
  return terminal.has(status);
}

/** What the whole run saw, shared by all cashiers. */
export class FlowRecorder {
  readonly confirmedKeysSeen = new Set<string>();
  readonly anomalies: string[] = [];
  readonly answers = new Map<string, number>();
  readonly endedBy = new Map<string, number>();
  createsUnanswered = 0;
  flowsFinished = 0;

  count(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }
}

/**
 * Answers each step may legitimately get; anything else (a 500 above all) is an anomaly. The
 * driver only acts on the state the server last showed, and nothing else drives its cash-out
 * while it does, so a WRONG_STATE means the server changed the cash-out under the cashier.
 */
const allowedAnswers: Record<Step, readonly string[]> = {
  create: ['201', '422 LIMIT_EXCEEDED', '503 WALLET_UNAVAILABLE'],
  reserve: ['200', '422 INVALID_CODE', '422 CODE_EXPIRED', '422 INSUFFICIENT_FUNDS', '429 TOO_MANY_ATTEMPTS', '429 RATE_LIMITED', '503 WALLET_UNAVAILABLE'],
  approve: ['200'],
  confirm: ['200', '503 WALLET_UNAVAILABLE'],
  cancel: ['200', '503 WALLET_UNAVAILABLE'],
  get: ['200'],
};

type Step = 'create' | 'reserve' | 'approve' | 'confirm' | 'cancel' | 'get';

const walletEndpointOf: Record<Step, WalletEndpoint | null> = {
  create: 'create',
  reserve: 'reserve',
  approve: null,
  confirm: 'confirm',
  cancel: 'revoke',
  get: 'get',
};

export interface FlowContext {
  cashier: ApiSession;
  approver: TestAccount;
  customers: Customers;
  random: Random;
  recorder: FlowRecorder;
  faults?: FaultInjector;
  /**
   * Requests go through a load balancer that answers 502 when the instance it picked is gone: the
   * step's outcome is then unknown, and the cashier reads the cash-out again (by GET) before acting.
   */
  behindBalancer?: boolean;
  /** The cashier pays out of a shift's drawer, so a create may be refused for want of cash. */
  fromDrawer?: boolean;
}

const maxSteps = 60;
/** Pause between reads of a cash-out still in doubt, as the PWA's "checking" screen does. */
const inDoubtPollMs = 100;
const maxResendsOfOneCode = 3;

function errorCodeOf(response: ApiResponse): string | null {
  const body = response.json as { error?: { code?: unknown; message?: unknown; action?: unknown } } | undefined;
  const error = body?.error;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string' || typeof error.action !== 'string') return null;
  return error.code;
}

/** The balancer's own answer: an HTML page, never Kasa's JSON error shape. */
const badGateway = '502 BAD_GATEWAY';
const maxReadsThroughBadGateways = 50;

function answerOf(response: ApiResponse): string {
  if (response.status < 400) return String(response.status);
  if (response.status === 502 && errorCodeOf(response) === null) return badGateway;
  return `${response.status} ${errorCodeOf(response) ?? 'WITHOUT_ERROR_SHAPE'}`;
}

function cashoutOf(response: ApiResponse): Cashout | null {
  const body = response.json as Partial<Cashout> | undefined;
  return response.status < 300 && typeof body?.id === 'string' && typeof body.status === 'string' ? (body as Cashout) : null;
}

/** Runs one plan to its end; a ServerGone from the session propagates (the server was killed). */
export async function runFlow(ctx: FlowContext, plan: Plan): Promise<void> {
  const { recorder } = ctx;

  const send = async (step: Step, method: string, path: string, body?: unknown): Promise<ApiResponse> => {
    const endpoint = walletEndpointOf[step];
    if (endpoint && ctx.faults) ctx.faults.maybeFault(endpoint);
    const response = await ctx.cashier.request(method, path, body);
    const answer = answerOf(response);
    recorder.count(recorder.answers, `${step} ${answer}`);
    const allowed =
      allowedAnswers[step].includes(answer) ||
      (ctx.behindBalancer === true && answer === badGateway) ||
      (ctx.fromDrawer === true && step === 'create' && answer === '409 NOT_ENOUGH_CASH');
    if (!allowed) recorder.anomalies.push(`${plan.kind}: ${method} ${path} answered ${answer}: ${response.text.slice(0, 300)}`);
    const cashout = cashoutOf(response);
    if (cashout?.status === 'confirmed' && cashout.transactionKey !== null) recorder.confirmedKeysSeen.add(cashout.transactionKey);
    return response;
  };

  const created = await send('create', 'POST', '/api/cashouts', { amount: formatCents(plan.amountCents), currency: 'EUR' });
  let current = cashoutOf(created);
  if (current && current.status !== 'created') {
    recorder.anomalies.push(`${plan.kind}: POST /api/cashouts answered 201 with a cash-out already ${current.status}: ${created.text.slice(0, 300)}`);
  }
  if (!current) {
    if (created.status === 503 || created.status === 502) recorder.createsUnanswered += 1;
    recorder.count(recorder.endedBy, `${plan.kind} → no cash-out (${answerOf(created)})`);
    recorder.flowsFinished += 1;
    return;
  }
  const id = current.id;
  const refresh = async (): Promise<Cashout | null> => {
    for (let read = 1; ; read += 1) {
      const response = await send('get', 'GET', `/api/cashouts/${id}`);
      if (response.status !== 502 || read >= maxReadsThroughBadGateways) return cashoutOf(response) ?? current;
      await new Promise((resolve) => setTimeout(resolve, inDoubtPollMs));
    }
  };

  const attempts = [...plan.attempts];
  let code: string | null = null;
  let resends = 0;
  const nextCode = (): string | null => {
    const attempt = attempts.shift();
    if (attempt === undefined) return null;
    resends = 0;
    if (attempt === 'valid') return ctx.customers.validCode(ctx.random.pick(ctx.customers.richWallets));
    if (attempt === 'unfunded') return ctx.customers.validCode(ctx.customers.poorWallet);
    if (attempt === 'expired') return ctx.customers.expiredCode();
    return ctx.customers.invalidCode();
  };

  const path = `/api/cashouts/${id}`;
  for (let step = 0; step < maxSteps && current && !isTerminalStatus(current.status); step += 1) {
    if (current.status === 'in_doubt') {
      await new Promise((resolve) => setTimeout(resolve, inDoubtPollMs));
      current = await refresh();
    } else if (current.status === 'created') {
      if (code === null || resends >= maxResendsOfOneCode) code = nextCode();
      if (code === null) {
        current = cashoutOf(await send('cancel', 'POST', `${path}/cancel`)) ?? (await refresh());
        continue;
      }
      const response = await send('reserve', 'POST', `${path}/reserve`, { code });
      // "Paysera did not receive the code" (or the balancer lost the answer): the same code goes again. Every other answer used it up.
      if (response.status === 503 || response.status === 502) resends += 1;
      else code = null;
      if (response.status === 429 && errorCodeOf(response) === 'RATE_LIMITED') attempts.length = 0;
      current = cashoutOf(response) ?? (await refresh());
    } else if (current.status === 'reserved') {
      if (plan.finish === 'cancel') {
        current = cashoutOf(await send('cancel', 'POST', `${path}/cancel`)) ?? (await refresh());
      } else if (current.approvalRequired && current.approvedBy === null) {
        const { username, password } = ctx.approver;
        current = cashoutOf(await send('approve', 'POST', `${path}/approve`, { username, password })) ?? (await refresh());
      } else {
        current = cashoutOf(await send('confirm', 'POST', `${path}/confirm`, { identityChecks: ['document', 'photo'] })) ?? (await refresh());
      }
    } else {
      recorder.anomalies.push(`${plan.kind}: cash-out ${id} has an unknown status ${current.status}`);
      break;
    }
  }
  recorder.count(recorder.endedBy, `${plan.kind} → ${current?.status ?? 'unknown'}`);
  recorder.flowsFinished += 1;
}

/** Cashiers working through a shared queue of plans; resolves when the queue is empty. */
export async function runCashiers(contexts: readonly FlowContext[], plans: readonly Plan[]): Promise<void> {
  let next = 0;
  await Promise.all(
    contexts.map(async (ctx) => {
      for (;;) {
        const plan = plans[next];
        next += 1;
        if (plan === undefined) return;
        await runFlow(ctx, plan);
      }
    }),
  );
}
