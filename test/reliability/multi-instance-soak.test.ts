import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgMigrations } from '../../server/store/postgres/migrations.ts';
import { startSimulator, type RunningSimulator, type WriteOverlap } from '../../server/simulator/index.ts';
import { seedAccounts } from './support/accounts.ts';
import { createApiSession } from './support/api-session.ts';
import { createCustomers } from './support/customers.ts';
import { createFaultInjector, type FaultInjector } from './support/fault-injector.ts';
import { FlowRecorder, makePlan, runFlow, type FlowContext, type Limits, type Plan } from './support/flows.ts';
import { type InstanceFleet, startInstanceFleet } from './support/instance-fleet.ts';
import { checkAuditFinalEvents, checkSettled, countByStatus, inDoubtCashouts, type SettledWorld } from './support/invariants.ts';
import { liveEnv, randomMacKey, stackClientId } from './support/kasa-stack.ts';
import { createRandom, seedFromEnv } from './support/random.ts';
import { isLargeRun, sized } from './support/run-size.ts';
import { type SettleResult, settleAll } from './support/settle.ts';
import { readAuditTrail, readWorld, type AuditTrail } from './support/world.ts';
import { freshPgDatabase, type PgTestDatabase } from '../support/pg-database.ts';

/**
 * Three Kasa processes on one database behind a round-robin balancer, so one cash-out's steps land
 * on different instances, while about one Wallet call in ten fails and one instance after another
 * is SIGKILLed and started again. Afterwards the books of Kasa and Paysera must agree, and Paysera
 * (the simulator) must never have seen two writes for one transaction in flight at once.
 */

const seed = seedFromEnv(20261130);
const instanceCount = 3;
/** At least this many cash-outs, and on until at least `minKills` instances were killed under them. */
const cashoutCount = sized(150, 3000);
const minKills = sized(4, 30);
const cashierCount = sized(4, 8);
const faultRate = 0.1;
const walletTimeoutMs = 300;
const limits: Limits = { maxAmountCents: 1000_00, supervisorThresholdCents: 300_00, maxCodeAttempts: 3 };

let dataDir: string;
let database: PgTestDatabase;
let simulator: RunningSimulator;
let fleet: InstanceFleet;
let recorder: FlowRecorder;
let faults: FaultInjector;
let settled: SettleResult;
let world: SettledWorld;
let audit: AuditTrail;
let overlaps: WriteOverlap[];
let schemaVersions: number[];
let flowsStarted = 0;

/** Cashiers take plans until there were enough cash-outs and enough kills; a fast machine runs more plans. */
async function workThroughKills(contexts: readonly FlowContext[], plans: readonly Plan[]): Promise<void> {
  const enough = () => flowsStarted >= cashoutCount && fleet.kills >= minKills;
  await Promise.all(
    contexts.map(async (ctx) => {
      while (!enough()) {
        const plan = plans[flowsStarted];
        flowsStarted += 1;
        if (plan === undefined) throw new Error(`ran out of plans before ${minKills} kills`);
        await runFlow(ctx, plan);
      }
    }),
  );
}
let writesSeen: number;

beforeAll(async () => {
  // The data dir only holds the audit key the accounts are seeded under (liveEnv hands it over as AUDIT_KEY).
  dataDir = await mkdtemp(join(tmpdir(), 'kasa-instances-'));
  database = await freshPgDatabase();
  const stackStore = { dataDir, databaseUrl: database.url };
  const macKey = randomMacKey();
  simulator = await startSimulator({ clients: { [stackClientId]: macKey }, controlEnabled: true });
  fleet = await startInstanceFleet(instanceCount, {
    ...liveEnv(simulator, macKey, dataDir),
    DATABASE_URL: database.url,
    WALLET_TIMEOUT_MS: String(walletTimeoutMs),
    MAX_AMOUNT: '1000.00',
    SUPERVISOR_THRESHOLD: '300.00',
    MAX_CODE_ATTEMPTS: String(limits.maxCodeAttempts),
    LOG_LEVEL: 'error',
    KASA_TEST_SWEEP_INTERVAL_MS: '500',
  });
  schemaVersions = await appliedSchemaVersions(database.url);
  // Seeded once the instances have migrated the empty database among themselves.
  const accounts = await seedAccounts(stackStore, { cashiers: cashierCount, supervisors: 1 });

  const since = Date.now();
  const random = createRandom(seed);
  const plans = Array.from({ length: cashoutCount * 20 }, () => makePlan(random, limits));
  const customers = await createCustomers(simulator, createRandom(seed + 1), {
    richWallets: 5,
    expiredCodes: plans.filter((plan) => plan.attempts.includes('expired')).length,
  });
  faults = createFaultInjector(simulator.state, createRandom(seed + 2), { rate: faultRate, walletTimeoutMs });
  recorder = new FlowRecorder();
  const approver = accounts.supervisors[0];
  if (!approver) throw new Error('no supervisor account');
  const supervisor = createApiSession(fleet.origin);
  await supervisor.signIn(approver.username, approver.password);
  const contexts: FlowContext[] = [];
  for (const account of accounts.cashiers) {
    const cashier = createApiSession(fleet.origin);
    await cashier.signIn(account.username, account.password);
    contexts.push({ cashier, approver, customers, random, recorder, faults, behindBalancer: true });
  }

  console.log(`multi-instance soak: seed ${seed} (replay with KASA_SEED=${seed}), ${instanceCount} instances on PostgreSQL, ${cashoutCount}+ cash-outs and ${minKills}+ kills, ${cashierCount} cashiers, ${isLargeRun ? 'large' : 'CI'} size`);
  const started = performance.now();
  const killer = fleet.keepKilling(createRandom(seed + 3), { everyMs: [1000, 3000], downMs: [100, 800] });
  await workThroughKills(contexts, plans);
  await killer.stop();
  const ran = performance.now();
  faults.disarm();
  settled = await settleAll({ supervisor, ...stackStore, since, timeoutMs: 60_000 });
  world = await readWorld(supervisor, simulator.state, since, { startBalances: customers.startBalances, confirmedKeysSeen: recorder.confirmedKeysSeen });
  audit = await readAuditTrail(supervisor, since);
  overlaps = simulator.overlaps.overlaps();
  writesSeen = simulator.overlaps.writesSeen();

  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    [
      `multi-instance soak figures (seed ${seed}):`,
      `  cashiers took ${seconds(ran - started)}, settling ${seconds(performance.now() - ran)}`,
      `  kills: ${fleet.kills}, requests per instance: ${fleet.proxy.sentToSlot.join(' · ')}, answered 502 by the balancer: ${fleet.proxy.badGateways}`,
      `  flows run: ${recorder.flowsFinished}, cash-outs on the server: ${world.cashouts.length} (creates left unanswered: ${recorder.createsUnanswered})`,
      `  outcomes by status: ${JSON.stringify(countByStatus(world.cashouts))}`,
      `  faults fired by kind: ${JSON.stringify(faults.fired())}`,
      `  in doubt and resolved: ${inDoubtCashouts(audit.events).size}, left open and cancelled at the end: ${settled.cancelledOpenCashouts}`,
      `  Wallet writes seen by Paysera: ${writesSeen}, overlapping: ${overlaps.length} (${overlaps.filter((overlap) => overlap.sendersGone).length} after the earlier write's sender had gone)`,
      ...overlaps.map((overlap) => `    overlap: ${JSON.stringify(overlap)}`),
      `  audit events: ${audit.verify.count}`,
      `  answers: ${JSON.stringify(Object.fromEntries([...recorder.answers].sort()))}`,
    ].join('\n'),
  );
}, sized(400_000, 3_600_000));

async function appliedSchemaVersions(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: number }>('SELECT version FROM kasa_schema_version ORDER BY version');
    return rows.map((row) => row.version);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await fleet?.close();
  await simulator?.close();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe(`multi-instance soak (seed ${seed})`, () => {
  it('migrated the empty database once, though its three instances started together', () => {
    expect(schemaVersions).toEqual(pgMigrations.map((_, index) => index + 1));
  });

  it('spread the requests over every instance and killed instances under the cashiers', () => {
    expect(fleet.proxy.sentToSlot.every((count) => count > 0)).toBe(true);
    expect(fleet.kills).toBeGreaterThanOrEqual(minKills);
    expect(fleet.proxy.badGateways).toBeGreaterThan(0);
  });

  it('answered every request the way the API (or the balancer) promises, never with a 500', () => {
    expect(recorder.anomalies).toEqual([]);
    expect(recorder.flowsFinished).toBe(flowsStarted);
    expect(flowsStarted).toBeGreaterThanOrEqual(cashoutCount);
  });

  it('settled every cash-out once the sweeper had run', () => {
    expect(settled.unsettled.map((record) => `${record.id} ${record.status} pending=${record.pending}`)).toEqual([]);
  });

  it('keeps Kasa and Paysera in agreement: same confirmations, none twice, no hold left, balances add up', () => {
    expect(world.cashouts.filter((cashout) => cashout.status === 'confirmed').length).toBeGreaterThan(0);
    expect(checkSettled(world)).toEqual([]);
  });

  it('keeps one intact audit chain across the instances with exactly one final event per cash-out', () => {
    expect(audit.verify).toMatchObject({ ok: true, firstBadSeq: null });
    expect(audit.verify.count).toBe(audit.events.length);
    expect(checkAuditFinalEvents(world.cashouts, audit.events)).toEqual([]);
  });

  it('never had two Wallet writes for one transaction in flight at once, not even beside the write of an instance killed mid-call', () => {
    expect(writesSeen).toBeGreaterThan(0);
    expect(overlaps).toEqual([]);
  });

  it('really ran into the faults it was meant to survive', () => {
    expect(Object.values(faults.fired()).every((count) => count > 0)).toBe(true);
    expect(inDoubtCashouts(audit.events).size).toBeGreaterThan(0);
  });
});
