import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiSession, type ApiSession } from './support/api-session.ts';
import { createCustomers } from './support/customers.ts';
import { createFaultInjector, type FaultInjector } from './support/fault-injector.ts';
import { checkDrawers, type DrawerFigures } from './support/drawer-invariants.ts';
import { FlowRecorder, makePlan, type FlowContext, type Limits } from './support/flows.ts';
import {
  checkAuditFinalEvents,
  checkSettled,
  countByStatus,
  inDoubtCashouts,
  type SettledWorld,
} from './support/invariants.ts';
import { startKasaStack, type KasaStack } from './support/kasa-stack.ts';
import { createRandom, seedFromEnv } from './support/random.ts';
import { isLargeRun, sized } from './support/run-size.ts';
import { type SettleResult, settleAll } from './support/settle.ts';
import { runShiftCashiers, type ShiftRun } from './support/shift-flows.ts';
import { openStackStore } from './support/stack-store.ts';
import { readAuditTrail, readWorld, type AuditTrail } from './support/world.ts';
import { freshPgDatabase, type PgTestDatabase } from '../support/pg-database.ts';

/**
 * Many cash-outs through the real server over HTTP while about one Wallet call in ten fails
 * (timeouts, 500/502, connections dropped before or after Paysera acted), then the books of
 * Kasa and Paysera are compared once the sweeper has settled everything. The cashiers work in
 * shifts (REQUIRE_SHIFT): a counted float, pay-ins and drops, a count at the close, and at the end
 * every drawer's books are recomputed from the store. Once on each store: SQLite, and PostgreSQL
 * through DATABASE_URL.
 */

const seed = seedFromEnv(20261126);
const cashoutCount = sized(300, 5000);
const cashierCount = sized(4, 8);
const faultRate = 0.1;
const walletTimeoutMs = 300;
const limits: Limits = { maxAmountCents: 1000_00, supervisorThresholdCents: 300_00, maxCodeAttempts: 3 };

describe.each(['sqlite', 'postgres'] as const)('on %s', (storeKind) => {
  let stack: KasaStack;
  let supervisor: ApiSession;
  let recorder: FlowRecorder;
  let faults: FaultInjector;
  let settled: SettleResult;
  let world: SettledWorld;
  let audit: AuditTrail;
  let database: PgTestDatabase | null;
  let shifts: ShiftRun;
  let drawers: { problems: string[]; figures: DrawerFigures };

  beforeAll(async () => {
    database = storeKind === 'postgres' ? await freshPgDatabase() : null;
    stack = await startKasaStack({
      ...(database && { databaseUrl: database.url }),
      env: {
        WALLET_TIMEOUT_MS: String(walletTimeoutMs),
        MAX_AMOUNT: '1000.00',
        SUPERVISOR_THRESHOLD: '300.00',
        MAX_CODE_ATTEMPTS: String(limits.maxCodeAttempts),
        REQUIRE_SHIFT: 'true',
      },
      cashiers: cashierCount,
      supervisors: 1,
      sweepIntervalMs: 250,
      locations: ['Market hall', 'Bag 1', 'Bag 2'],
    });
    const since = Date.now();
    // Separate streams: the plans replay exactly; which call a fault hits depends on how cashiers interleave.
    const random = createRandom(seed);
    const plans = Array.from({ length: cashoutCount }, () => makePlan(random, limits));
    const customers = await createCustomers(stack.simulator, createRandom(seed + 1), {
      richWallets: 5,
      expiredCodes: plans.filter((plan) => plan.attempts.includes('expired')).length,
    });
    faults = createFaultInjector(stack.simulator.state, createRandom(seed + 2), { rate: faultRate, walletTimeoutMs });
    recorder = new FlowRecorder();

    const approver = stack.accounts.supervisors[0];
    if (!approver) throw new Error('no supervisor account');
    supervisor = createApiSession(stack.origin);
    await supervisor.signIn(approver.username, approver.password);
    const contexts: FlowContext[] = [];
    for (const account of stack.accounts.cashiers) {
      const cashier = createApiSession(stack.origin);
      await cashier.signIn(account.username, account.password);
      contexts.push({ cashier, approver, customers, random, recorder, faults });
    }

    console.log(`soak on ${storeKind}: seed ${seed} (replay with KASA_SEED=${seed}), ${cashoutCount} cash-outs, ${cashierCount} cashiers, ${isLargeRun ? 'large' : 'CI'} size`);
    const started = performance.now();
    shifts = await runShiftCashiers(contexts, plans, { locations: stack.locations, plansPerShift: [3, 15], since });
    const ran = performance.now();
    faults.disarm();
    settled = await settleAll({ supervisor, dataDir: stack.dataDir, databaseUrl: stack.databaseUrl, since, timeoutMs: 60_000 });
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`soak: cashiers took ${seconds(ran - started)}, settling ${seconds(performance.now() - ran)}`);
    world = await readWorld(supervisor, stack.simulator.state, since, { startBalances: customers.startBalances, confirmedKeysSeen: recorder.confirmedKeysSeen });
    audit = await readAuditTrail(supervisor, since);
    const store = await openStackStore(stack);
    try {
      drawers = await checkDrawers(store, since, shifts, approver.username);
    } finally {
      await store.close();
    }

    const knownKeys = new Set(world.cashouts.map((cashout) => cashout.transactionKey));
    const strays = world.transactions.filter((tx) => !knownKeys.has(tx.key));
    console.log(
      [
        `soak figures on ${storeKind} (seed ${seed}):`,
        `  flows run: ${recorder.flowsFinished}, cash-outs on the server: ${world.cashouts.length} (creates left unanswered: ${recorder.createsUnanswered})`,
        `  outcomes by status: ${JSON.stringify(countByStatus(world.cashouts))}`,
        `  faults armed by kind: ${JSON.stringify(faults.injected())}`,
        `  faults fired by kind: ${JSON.stringify(faults.fired())}`,
        `  in doubt and resolved: ${inDoubtCashouts(audit.events).size}`,
        `  left open by cashiers and cancelled at the end: ${settled.cancelledOpenCashouts}`,
        `  stray transactions (a create Paysera got after Kasa gave it up): ${strays.length}`,
        `  audit events: ${audit.verify.count}`,
        `  flow endings: ${JSON.stringify(Object.fromEntries([...recorder.endedBy].sort()))}`,
        `  answers: ${JSON.stringify(Object.fromEntries([...recorder.answers].sort()))}`,
        `  shifts: ${shifts.opened} opened, ${drawers.figures.shifts} in the store, ${shifts.signedOff} signed off; pay-ins ${shifts.payIns}, drops ${shifts.drops}`,
        `  payouts inside shifts: ${drawers.figures.payoutsInShifts}, lowest drawer balance: ${drawers.figures.lowestBalanceCents} cents`,
      ].join('\n'),
    );
  }, sized(300_000, 1_800_000));

  afterAll(async () => {
    await stack?.close();
    await database?.drop();
  });

  describe(`fault soak (seed ${seed})`, () => {
    it('answered every request the way the API promises, never with a 500', () => {
      expect(recorder.anomalies).toEqual([]);
      expect(recorder.flowsFinished).toBe(cashoutCount);
    });

    it('settled every cash-out once the sweeper had run', () => {
      expect(settled.unsettled.map((record) => `${record.id} ${record.status} pending=${record.pending}`)).toEqual([]);
    });

    it('keeps Kasa and Paysera in agreement: same confirmations, none twice, no hold left, balances add up', () => {
      expect(world.cashouts.filter((cashout) => cashout.status === 'confirmed').length).toBeGreaterThan(0);
      expect(checkSettled(world)).toEqual([]);
    });

    it('keeps an intact audit chain with exactly one final event per cash-out', () => {
      expect(audit.verify).toMatchObject({ ok: true, firstBadSeq: null });
      expect(audit.verify.count).toBe(audit.events.length);
      expect(checkAuditFinalEvents(world.cashouts, audit.events)).toEqual([]);
    });

    it('kept every drawer’s books: expected cash of each closed shift = float + pay-ins − drops − its confirmed payouts, never below zero', () => {
      expect(drawers.problems).toEqual([]);
      expect(drawers.figures.shifts).toBe(shifts.opened);
      expect(drawers.figures.payoutsInShifts).toBe(world.cashouts.length);
      expect(shifts.signedOff).toBeGreaterThan(0);
      expect(shifts.drops).toBeGreaterThan(0);
      expect(recorder.answers.get('create 409 NOT_ENOUGH_CASH') ?? 0).toBeGreaterThan(0);
    });

    it('really ran into the faults it was meant to survive', () => {
      const fired = faults.fired();
      expect(Object.values(fired).every((count) => count > 0)).toBe(true);
      expect(inDoubtCashouts(audit.events).size).toBeGreaterThan(0);
    });
  });
});
