import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { User } from '../../shared/api.ts';
import { createRateLimiter } from '../auth/throttle.ts';
import type { RateLimiter } from '../auth/throttle.ts';
import type { CashoutRecord, Store } from '../store/types.ts';
import type { WalletClient } from '../wallet/types.ts';
import { auditRefusal, note } from './advance.ts';
import { cancelCashout } from './cancel.ts';
import { confirmCashout } from './confirm.ts';
import type { CashoutContext, CashoutLog, Step } from './context.ts';
import { createCashout } from './create.ts';
import { approvalRequired, checkApprover, hasDailyCap, mayAccess } from './limits.ts';
import { createKeyedLock } from './lock.ts';
import { isTerminal } from './machine.ts';
import { reconcile } from './reconcile.ts';
import { reserveCashout } from './reserve.ts';
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
  /** Wrong codes allowed per cashier across cash-outs; 10 per 10 minutes by default. */
  codeThrottle?: RateLimiter;
}

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
    codeThrottle: options.codeThrottle ?? createRateLimiter({ limit: 10, windowMs: 10 * 60_000, now }),
  };
  const lock = createKeyedLock();

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

  const stepOf = (actor: Actor, action: string): Step => ({ actor: actor.username, action });
  const unsettled = (record: CashoutRecord): boolean => record.pending !== null || record.status === 'in_doubt';

  return {
    create(actor, input) {
      const id = ctx.newId();
      const created = () => lock.run(id, () => createCashout(ctx, actor, input, id));
      // With a daily cap, one create at a time per cashier, so two at once cannot both pass it;
      // without one there is nothing to count, and creates need not queue behind each other.
      return !hasDailyCap(ctx.settings) ? created() : lock.run(`cashier:${actor.username}`, created);
    },

    async get(actor, id) {
      const record = await load(actor, id);
      if (!unsettled(record)) return record;
      return withCashout(actor, id, (fresh) => reconcile(ctx, fresh, stepOf(actor, 'cashout.reconcile')));
    },

    reserve: (actor, id, rawCode) =>
      withCashout(actor, id, async (record) => {
        const step = stepOf(actor, 'cashout.reserve');
        return reserveCashout(ctx, await reconcile(ctx, record, step), step, rawCode);
      }),

    approve: (actor, id, approver: User) =>
      withCashout(actor, id, async (record) => {
        const step: Step = { actor: approver.username, action: 'cashout.approve' };
        if (record.status !== 'reserved') throw new CashoutError('WRONG_STATE', 'Only a reserved cash-out can be approved.');
        if (!approvalRequired(ctx.settings, record.amountCents, record.currency)) throw new CashoutError('WRONG_STATE', 'This amount needs no approval.');
        const rule = checkApprover(record, approver);
        if (!rule.ok) {
          await auditRefusal(ctx, record, step, rule.code);
          throw new CashoutError(rule.code, rule.message);
        }
        if (record.approvedBy !== null) return record;
        return note(ctx, record, { approvedBy: approver.username }, step, 'approved');
      }),

    confirm: (actor, id) =>
      withCashout(actor, id, async (record) => {
        const step = stepOf(actor, 'cashout.confirm');
        return confirmCashout(ctx, await reconcile(ctx, record, step), step);
      }),

    cancel: (actor, id) => withCashout(actor, id, (record) => cancelCashout(ctx, record, stepOf(actor, 'cashout.cancel'))),

    async list(actor, from, to) {
      return ctx.store.listCashouts(from, to, approverRoles.includes(actor.role) ? undefined : actor.username);
    },

    async sweep() {
      const counts = { resolved: 0, revoked: 0 };
      for (const { id } of await ctx.store.listUnsettledCashouts()) {
        try {
          const result = await lock.run(id, async () => {
            const record = await ctx.store.getCashout(id);
            if (record === null || (isTerminal(record.status) && record.pending === null)) return 'unchanged';
            return sweepCashout(ctx, record);
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
