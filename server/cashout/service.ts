import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { CashoutStatus, User } from '../../shared/api.ts';
import { createRateLimiter } from '../auth/throttle.ts';
import type { RateLimiter, RateLimiterOptions } from '../auth/throttle.ts';
import { noShiftCover, type PayoutCover } from '../desk/cover.ts';
import { cashierLockKey } from '../desk/lock-key.ts';
import type { CashoutRecord, Store } from '../store/types.ts';
import type { WalletClient } from '../wallet/types.ts';
import { approveCashout } from './approve.ts';
import { cancelCashout, settleBeforeCancel } from './cancel.ts';
import { confirmCashout } from './confirm.ts';
import type { Attribution, CashoutContext, CashoutLog } from './context.ts';
import { createAtPaysera, recordCashout } from './create.ts';
import { mayAccess } from './limits.ts';
import { createKeyedLock, type KeyedLock } from './lock.ts';
import { isSettled } from './machine.ts';
import { mayStillArrive, refuseWhileArriving } from './cut-short.ts';
import { reconcile } from './reconcile.ts';
import { reserveCashout } from './reserve.ts';
import { startStep } from './start-step.ts';
import type { RequestedStep } from './start-step.ts';
import { sweepCashout } from './sweep.ts';
import { approverRoles, CashoutError } from './types.ts';
import type { Actor, CashoutService, CashoutSettings } from './types.ts';

export { startSweeper } from './sweeper.ts';

export interface CashoutServiceOptions {
  store: Store;
  wallet: WalletClient;
  settings: CashoutSettings;
  now?: () => number;
  newId?: () => string;
  log?: CashoutLog;
  sleep?: (ms: number) => Promise<void>;
  /** Pauses before each read-back of an unanswered write; five reads over about 11 s by default. */
  readBackDelaysMs?: readonly number[];
  /** Wrong codes per cashier across cash-outs; `defaultCodeLimits` by default. */
  codeThrottle?: RateLimiter;
  /** Told once per cash-out, when its status becomes final. */
  onFinalStatus?: (status: CashoutStatus) => void;
  /** One task at a time per cash-out (and per cashier for creates); in-process by default, across instances on PostgreSQL. */
  lock?: KeyedLock;
  /** Asks the cash desk whether the cashier's drawer can cover a payout; without a desk every payout is outside any shift. */
  cover?: PayoutCover;
}

/** 10 wrong codes per 10 minutes cost no wait, then 30 s doubling. */
export const defaultCodeLimits = { limit: 10, windowMs: 10 * 60_000 } as const satisfies RateLimiterOptions;

const silent: CashoutLog = { info: () => {}, warn: () => {}, error: () => {} };

export const defaultReadBackDelaysMs: readonly number[] = [500, 1000, 2000, 4000, 4000];

export function createCashoutService(options: CashoutServiceOptions): CashoutService {
  const now = options.now ?? Date.now;
  const ctx: CashoutContext = {
    store: options.store,
    wallet: options.wallet,
    settings: options.settings,
    now,
    newId: options.newId ?? randomUUID,
    log: options.log ?? silent,
    sleep: options.sleep ?? ((ms: number) => delay(ms)),
    readBackDelaysMs: options.readBackDelaysMs ?? defaultReadBackDelaysMs,
    codeThrottle: options.codeThrottle ?? createRateLimiter({ ...defaultCodeLimits, now }),
    onFinalStatus: options.onFinalStatus ?? (() => {}),
  };
  const lock = options.lock ?? createKeyedLock();
  const cover = options.cover ?? (async () => noShiftCover);

  async function load(actor: Actor, id: string): Promise<CashoutRecord> {
    const record = await ctx.store.getCashout(id);
    if (record === null) throw new CashoutError('NOT_FOUND', 'There is no such cash-out.');
    if (!mayAccess(actor, record)) throw new CashoutError('FORBIDDEN', 'This cash-out belongs to another cashier.');
    return record;
  }

  /** Runs `task` on the freshest record, alone on that cash-out. */
  function withCashout<T>(actor: Actor, id: string, task: (record: CashoutRecord) => Promise<T>): Promise<T> {
    return lock.run(id, async () => task(await load(actor, id)));
  }

  /**
   * A step someone asked for, on the freshest record and alone on that cash-out; its events are
   * attributed to `takenBy` (the cashier, or the supervisor who approves).
   */
  function takeStep(
    step: RequestedStep,
    actor: Actor,
    id: string,
    takenBy: User,
    run: (record: CashoutRecord, by: Attribution) => Promise<CashoutRecord>,
    settleOpen: typeof reconcile = reconcile,
  ): Promise<CashoutRecord> {
    const by: Attribution = { actor: takenBy.username, action: `cashout.${step}` };
    return withCashout(actor, id, (record) =>
      startStep(step, record, {
        settle: (open) => (mayStillArrive(ctx, open) ? refuseWhileArriving() : settleOpen(ctx, open, by)),
        run: (current) => run(current, by),
      }),
    );
  }

  return {
    create(actor, input) {
      const id = ctx.newId();
      // The checks and the insert one at a time per cashier, under the lock the desk's writes to the
      // drawer take too, so two payouts (or a payout and a drop) cannot both pass the daily cap or
      // the drawer's cash; the call to Paysera then runs outside it, side by side with the next.
      return lock.run(id, async () => {
        const record = await lock.run(cashierLockKey(actor.username), () => recordCashout(ctx, actor, input, id, cover));
        return createAtPaysera(ctx, record);
      });
    },

    async get(actor, id) {
      const record = await load(actor, id);
      if (isSettled(record)) return record;
      return withCashout(actor, id, (fresh) => reconcile(ctx, fresh, { actor: actor.username, action: 'cashout.reconcile' }));
    },

    reserve: (actor, id, rawCode) => takeStep('reserve', actor, id, actor, (record, by) => reserveCashout(ctx, record, by, rawCode)),
    approve: (actor, id, approver) => takeStep('approve', actor, id, approver, (record, by) => approveCashout(ctx, record, by, approver)),
    confirm: (actor, id, identityChecks) => takeStep('confirm', actor, id, actor, (record, by) => confirmCashout(ctx, record, by, identityChecks)),
    cancel: (actor, id) => takeStep('cancel', actor, id, actor, (record, by) => cancelCashout(ctx, record, by), settleBeforeCancel),

    async list(actor, from, to) {
      return ctx.store.listCashouts(from, to, approverRoles.includes(actor.role) ? undefined : actor.username);
    },

    async sweep() {
      const counts = { resolved: 0, revoked: 0 };
      for (const { id } of await ctx.store.listUnsettledCashouts()) {
        try {
          const result = await lock.run(id, async () => {
            const record = await ctx.store.getCashout(id);
            return record === null ? 'unchanged' : sweepCashout(ctx, record);
          });
          if (result !== 'unchanged') counts[result] += 1;
        } catch (error) {
          ctx.log.error({ cashoutId: id, err: error }, 'sweeping a cash-out failed');
        }
      }
      return counts;
    },
  };
}
