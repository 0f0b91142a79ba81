import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../server/simulator/index.ts';
import { seedAccounts } from './support/accounts.ts';
import { createApiSession, ServerGone, type ApiSession } from './support/api-session.ts';
import { type ChildServer, spawnServer } from './support/child-server.ts';
import { createCustomers } from './support/customers.ts';
import { FlowRecorder, makePlan, runFlow, type FlowContext, type Limits, type Plan } from './support/flows.ts';
import { checkAuditFinalEvents, checkSettled, countByStatus, type SettledWorld } from './support/invariants.ts';
import { liveEnv, randomMacKey, stackClientId } from './support/kasa-stack.ts';
import { createRandom, seedFromEnv } from './support/random.ts';
import { type SettleResult, settleAll } from './support/settle.ts';
import { readAuditTrail, readWorld, type AuditTrail } from './support/world.ts';

/**
 * Kasa is SIGKILLed at random moments while cashiers work, and started again on the same data
 * dir. Paysera (the simulator) runs in this process, so its books survive every kill. Each Wallet
 * write is slowed a little, so kills often land between "sent to Paysera" and "answer recorded".
 */

const seed = seedFromEnv(6_2026);
const kills = 20;
const cashierCount = 4;
const limits: Limits = { maxAmountCents: 1000_00, supervisorThresholdCents: 300_00, maxCodeAttempts: 3 };
const databaseFile = 'kasa.sqlite';

let dataDir: string;
let simulator: RunningSimulator;
let server: ChildServer | null = null;
let recorder: FlowRecorder;
let settled: SettleResult;
let world: SettledWorld;
let audit: AuditTrail;
let integrity: unknown;
let flowsCutShort = 0;

/** Cashiers take plans until the server disappears under them. */
async function workUntilKilled(contexts: readonly FlowContext[], takePlan: () => Plan): Promise<void> {
  await Promise.all(
    contexts.map(async (ctx) => {
      for (;;) {
        try {
          await runFlow(ctx, takePlan());
        } catch (error) {
          if (!(error instanceof ServerGone)) throw error;
          flowsCutShort += 1;
          return;
        }
      }
    }),
  );
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kasa-crash-'));
  const macKey = randomMacKey();
  simulator = await startSimulator({ clients: { [stackClientId]: macKey }, controlEnabled: true });
  for (const endpoint of ['create', 'reserve', 'confirm', 'revoke'] as const) {
    simulator.state.addFault({ endpoint, kind: 'latency', ms: 120, count: 1_000_000 });
  }
  const accounts = await seedAccounts(dataDir, { cashiers: cashierCount, supervisors: 1 });
  const env = {
    ...liveEnv(simulator, macKey, dataDir),
    WALLET_TIMEOUT_MS: '2000',
    MAX_AMOUNT: '1000.00',
    SUPERVISOR_THRESHOLD: '300.00',
    LOG_LEVEL: 'silent',
    KASA_TEST_SWEEP_INTERVAL_MS: '500',
  };

  const random = createRandom(seed);
  const plans = Array.from({ length: 5000 }, () => makePlan(random, limits));
  let nextPlan = 0;
  const takePlan = (): Plan => {
    const plan = plans[nextPlan];
    nextPlan += 1;
    if (plan === undefined) throw new Error('the crash test ran out of plans');
    return plan;
  };
  const customers = await createCustomers(simulator, createRandom(seed + 1), {
    richWallets: 3,
    expiredCodes: plans.filter((plan) => plan.attempts.includes('expired')).length,
  });
  recorder = new FlowRecorder();
  const approver = accounts.supervisors[0];
  if (!approver) throw new Error('no supervisor account');
  const since = Date.now();

  const killAfter = createRandom(seed + 2);
  const sessions: ApiSession[] = [];
  const contexts: FlowContext[] = [];
  for (let round = 0; round <= kills; round += 1) {
    server = await spawnServer(env);
    if (round === 0) {
      // Sessions live in SQLite, so the cashiers stay signed in across every restart.
      for (const account of accounts.cashiers) {
        const cashier = createApiSession(server.origin);
        await cashier.signIn(account.username, account.password);
        sessions.push(cashier);
        contexts.push({ cashier, approver, customers, random: createRandom(seed + 3 + contexts.length), recorder });
      }
    }
    for (const session of sessions) session.origin = server.origin;
    if (round === kills) break;
    const running = workUntilKilled(contexts, takePlan);
    await new Promise((resolve) => setTimeout(resolve, killAfter.int(150, 1500)));
    await server.kill();
    server = null;
    await running;
  }
  if (!server) throw new Error('no server after the last restart');

  const supervisor = createApiSession(server.origin);
  await supervisor.signIn(approver.username, approver.password);
  settled = await settleAll({ supervisor, dataDir, since, timeoutMs: 60_000 });
  world = await readWorld(supervisor, simulator.state, since, { startBalances: customers.startBalances, confirmedKeysSeen: recorder.confirmedKeysSeen });
  audit = await readAuditTrail(supervisor, since);
  await server.kill();
  server = null;

  const db = new Database(join(dataDir, databaseFile));
  try {
    integrity = db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
  console.log(
    [
      `crash figures (seed ${seed}, replay with KASA_SEED=${seed}):`,
      `  kills: ${kills}, flows finished: ${recorder.flowsFinished}, flows cut short by a kill: ${flowsCutShort}`,
      `  cash-outs: ${world.cashouts.length}, outcomes by status: ${JSON.stringify(countByStatus(world.cashouts))}`,
      `  left open by a kill and cancelled at the end: ${settled.cancelledOpenCashouts}`,
      `  audit events: ${audit.verify.count}`,
    ].join('\n'),
  );
}, 180_000);

afterAll(async () => {
  await server?.kill();
  await simulator?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe(`crash recovery (seed ${seed})`, () => {
  it('restarted after every kill and settled every cash-out', () => {
    expect(recorder.flowsFinished).toBeGreaterThan(0);
    expect(flowsCutShort).toBeGreaterThan(0);
    expect(settled.unsettled.map((record) => `${record.id} ${record.status} pending=${record.pending}`)).toEqual([]);
  });

  it('keeps Kasa and Paysera in agreement after the crashes: no hold left, balances add up, nothing confirmed twice', () => {
    expect(checkSettled(world)).toEqual([]);
  });

  it('leaves an intact audit chain with one final event per cash-out', () => {
    expect(audit.verify).toMatchObject({ ok: true, firstBadSeq: null });
    expect(checkAuditFinalEvents(world.cashouts, audit.events)).toEqual([]);
  });

  it('leaves a SQLite file that passes PRAGMA integrity_check', () => {
    expect(integrity).toBe('ok');
  });

  it('answered the cashiers that were not cut off the way the API promises', () => {
    expect(recorder.anomalies).toEqual([]);
  });
});
