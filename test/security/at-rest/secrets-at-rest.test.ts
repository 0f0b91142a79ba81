import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseCode } from '../../../shared/code.ts';
import { type ApiSession, createApiSession } from '../../reliability/support/api-session.ts';
import { createCustomers, type Customers } from '../../reliability/support/customers.ts';
import { createFaultInjector, type FaultInjector } from '../../reliability/support/fault-injector.ts';
import { FlowRecorder, type FlowContext, makePlan, type Plan, runCashiers } from '../../reliability/support/flows.ts';
import { startKasaStack, type KasaStack } from '../../reliability/support/kasa-stack.ts';
import { createRandom, seedFromEnv } from '../../reliability/support/random.ts';
import { settleAll } from '../../reliability/support/settle.ts';
import { filesUnder, findNeedles, type Haystack, haystackOf } from '../support/needles.ts';
import { changeAccounts, closeDesk, deskLocationName, openDesk } from '../support/desk-scenario.ts';
import { testPassword } from '../../reliability/support/accounts.ts';
import { freshPgDatabase, type PgTestDatabase } from '../../support/pg-database.ts';
import { pgDump } from '../../support/pg-tables.ts';
import { randomMacKey } from '../../reliability/support/kasa-stack.ts';

/**
 * After cash-outs of every kind (paid, approved, wrong, stale and unfunded codes, cancels,
 * timeouts and dropped connections), no reservation code is anywhere Kasa keeps things: not in
 * the SQLite file nor its -wal and -shm (read while the server still has them open), not in any
 * row of any table of the PostgreSQL database, not in the log, not in any answer. The MAC key is
 * in none of those, nor in the built PWA. The account holder's name reaches the verify screen's
 * answers and nothing that is kept.
 */

const seed = seedFromEnv(4242);
const limits = { maxAmountCents: 1000_00, supervisorThresholdCents: 300_00, maxCodeAttempts: 3 };
const repoDist = 'dist';

/** The same code as a person might type or a scanner deliver it: grouped, dashed, padded. */
function formatted(code: string): string {
  return ` ${code.match(/.{1,4}/g)?.join(' ') ?? code} `.replace(/ (\d{4}) (\d{4}) /, ' $1-$2 ');
}

let buildDir: string | null = null;

async function builtPwaFiles(macKey: string): Promise<Haystack[]> {
  if (existsSync(join(repoDist, 'index.html'))) return filesUnder(repoDist);
  // Built aside, not into dist/, so a parallel E2E run is not disturbed; the key is in the build's environment.
  buildDir = await mkdtemp(join(tmpdir(), 'kasa-dist-'));
  await promisify(execFile)('npx', ['vite', 'build', '--outDir', buildDir, '--emptyOutDir'], {
    env: { ...process.env, PAYSERA_MAC_KEY: macKey, PAYSERA_CLIENT_ID: 'kasa-build' },
  });
  return filesUnder(buildDir);
}

const masked = (secret: string) => `${secret.slice(0, 4)}…(${secret.length} chars)`;

describe.each(['sqlite', 'postgres'] as const)('on %s', (storeKind) => {
  let stack: KasaStack;
  let database: PgTestDatabase | null;
  let customers: Customers;
  let codes: string[];
  let databaseFiles: Haystack[];
  let answers: Haystack[];
  let recorder: FlowRecorder;
  let faults: FaultInjector;
  /** Passwords typed into Kasa: the seeded accounts' (sign-ins, a sign-off) and those an admin set over HTTP. */
  let passwords: string[];

  beforeAll(async () => {
    database = storeKind === 'postgres' ? await freshPgDatabase() : null;
    stack = await startKasaStack({
      ...(database && { databaseUrl: database.url }),
      env: { WALLET_TIMEOUT_MS: '300', MAX_AMOUNT: '1000.00', SUPERVISOR_THRESHOLD: '300.00' },
      cashiers: 3,
      supervisors: 1,
      sweepIntervalMs: 250,
      logLevel: 'trace',
    });
    const since = Date.now();
    const seen: Haystack[] = [];
    const session = (): ApiSession =>
      createApiSession(stack.origin, {
        onResponse: (method, path, response) => {
          seen.push(haystackOf(`${method} ${path}`, `${[...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}\n\n${response.text}`));
        },
      });
    const random = createRandom(seed);
    const everyKind: Plan['kind'][] = [
      'pay',
      'pay_with_approval',
      'cancel_before_code',
      'cancel_after_reserve',
      'invalid_then_pay',
      'expired_then_cancel',
      'attempts_exhausted',
      'insufficient_then_cancel',
    ];
    const plans: Plan[] = [];
    while (plans.length < 60 || everyKind.some((kind) => !plans.some((plan) => plan.kind === kind))) plans.push(makePlan(random, limits));
    customers = await createCustomers(stack.simulator, createRandom(seed + 1), {
      richWallets: 2,
      expiredCodes: plans.filter((plan) => plan.attempts.includes('expired')).length,
    });
    const approver = stack.accounts.supervisors[0];
    if (!approver) throw new Error('no supervisor account');
    const supervisor = session();
    await supervisor.signIn(approver.username, approver.password);
    recorder = new FlowRecorder();
    // The code travels with reserve; the faults sit on it and on the calls around it.
    faults = createFaultInjector(stack.simulator.state, createRandom(seed + 2), {
      rate: 0.3,
      walletTimeoutMs: 300,
      endpoints: ['reserve', 'get', 'confirm', 'revoke'],
    });
    const contexts: FlowContext[] = [];
    for (const account of stack.accounts.cashiers) {
      const cashier = session();
      await cashier.signIn(account.username, account.password);
      contexts.push({ cashier, approver, customers, random, recorder, faults });
    }
    // The desk around the run: every cash-out is paid out of a shift at a location with a Paysera id.
    const admin = session();
    await admin.signIn(stack.accounts.admin.username, stack.accounts.admin.password);
    const desk = await openDesk(
      admin,
      contexts.map((context) => context.cashier),
    );
    passwords = [testPassword, ...(await changeAccounts(admin))];
    await runCashiers(contexts, plans);

    // A code typed with spaces and dashes, and a code whose answer is lost after Paysera used it.
    const [cashier] = contexts;
    if (!cashier) throw new Error('no cashier');
    const typed = formatted(customers.validCode(customers.richWallets[0] ?? 0));
    const first = (await cashier.cashier.request('POST', '/api/cashouts', { amount: '15.00', currency: 'EUR' })).json as { id: string };
    await cashier.cashier.request('POST', `/api/cashouts/${first.id}/reserve`, { code: typed });
    await cashier.cashier.request('POST', `/api/cashouts/${first.id}/confirm`, { identityChecks: ['document', 'photo'] });
    const second = (await cashier.cashier.request('POST', '/api/cashouts', { amount: '16.00', currency: 'EUR' })).json as { id: string };
    stack.simulator.state.addFault({ endpoint: 'reserve', kind: 'drop_after', count: 1 });
    await cashier.cashier.request('POST', `/api/cashouts/${second.id}/reserve`, { code: customers.validCode(customers.richWallets[0] ?? 0) });
    await cashier.cashier.request('POST', `/api/cashouts/${second.id}/cancel`);

    faults.disarm();
    // Settling lets the sweeper and read-backs write what they write; whether all settle is the soak's concern.
    await settleAll({ supervisor, dataDir: stack.dataDir, databaseUrl: stack.databaseUrl, since, timeoutMs: 20_000 });
    await closeDesk(
      contexts.map((context) => context.cashier),
      desk,
      { supervisor, approver, since },
    );
    await supervisor.request('GET', '/api/audit');
    await supervisor.request('GET', '/api/audit.csv');

    codes = customers.codesUsed.flatMap((code) => {
      const normalised = normaliseCode(code);
      return normalised.ok ? [code, normalised.code] : [code];
    });
    codes.push(typed);
    if (database) {
      databaseFiles = [haystackOf('every row of every table', await pgDump(database.url))];
    } else {
      // Read while the server still holds the database open: the WAL has not been folded into the main file yet.
      const names = (await readdir(stack.dataDir)).filter((name) => name.startsWith('kasa.sqlite'));
      databaseFiles = await Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(stack.dataDir, name)) })));
    }
    answers = seen;
  }, 300_000);

  afterAll(async () => {
    await stack?.close();
    await database?.drop();
  });

  /** Proof the scenario's data was read from where the store keeps it, before searching it. */
  const expectDatabaseRead = {
    sqlite() {
      expect(databaseFiles.map((file) => file.name).sort()).toEqual(['kasa.sqlite', 'kasa.sqlite-shm', 'kasa.sqlite-wal']);
      expect(databaseFiles.find((file) => file.name === 'kasa.sqlite-wal')?.bytes.length).toBeGreaterThan(0);
    },
    postgres() {
      const rows = databaseFiles.map((file) => file.bytes.toString()).join('\n');
      for (const table of ['audit', 'cashouts', 'sessions', 'users', 'locations', 'shifts', 'shift_cash', 'shift_movements']) {
        expect(rows).toMatch(new RegExp(`^${table} \\{`, 'm'));
      }
      expect(rows.split('\n').filter((line) => line.startsWith('audit ')).length).toBeGreaterThan(100);
    },
  };

  describe('reservation codes and the MAC key at rest', () => {
    it('ran the desk around them: the location, the shifts and their cash are in what was read', () => {
      const everything = Buffer.concat(databaseFiles.map((file) => file.bytes));
      expect(everything.includes(deskLocationName)).toBe(true);
      expect(everything.includes('change from the bank')).toBe(true);
      expect(answers.some((answer) => answer.name.includes('/report.csv'))).toBe(true);
    });

    it('keeps no password typed into Kasa in the store, the log or any answer: not a sign-in, a sign-off, or one an admin set', () => {
      const everywhere = [...databaseFiles, haystackOf('server log', stack.logLines.join('')), ...answers];
      expect(passwords).toHaveLength(3);
      expect(findNeedles(everywhere, passwords, masked)).toEqual([]);
    });

    it('ran the scenarios it claims to: every kind of ending, and read the store where it keeps them (the SQLite WAL in use)', () => {
      const endings = [...recorder.endedBy.keys()].join('\n');
      for (const ending of ['confirmed', 'cancelled', 'failed']) expect(endings).toContain(ending);
      expect(faults.fired().timeout + faults.fired().drop_after).toBeGreaterThan(0);
      expect(customers.codesUsed.length).toBeGreaterThan(40);
      expectDatabaseRead[storeKind]();
    });

    it('keeps no code in what the store holds: the SQLite file, its -wal and -shm, or every PostgreSQL row', () => {
      expect(findNeedles(databaseFiles, codes, masked)).toEqual([]);
    });

    it('logs no code, even at trace level', () => {
      expect(stack.logLines.some((line) => line.includes('"wallet"'))).toBe(true);
      expect(findNeedles([haystackOf('server log', stack.logLines.join(''))], codes, masked)).toEqual([]);
    });

    it('sends no code back in any answer', () => {
      expect(answers.length).toBeGreaterThan(100);
      expect(findNeedles(answers, codes, masked)).toEqual([]);
    });

    it("keeps the account holders' names out of the store and the log; only the answers for the verify screen carry them", () => {
      expect(customers.holderNames.length).toBeGreaterThan(1);
      expect(findNeedles(answers, customers.holderNames, masked).length).toBeGreaterThan(0);
      expect(findNeedles([...databaseFiles, haystackOf('server log', stack.logLines.join(''))], customers.holderNames, masked)).toEqual([]);
    });

    it('keeps the MAC key out of the database, the log and every answer', () => {
      const everywhere = [...databaseFiles, haystackOf('server log', stack.logLines.join('')), ...answers];
      expect(findNeedles(everywhere, [stack.macKey], masked)).toEqual([]);
    });
  });
});

describe('the built PWA', () => {
  const macKey = randomMacKey();
  let builtPwa: Haystack[];

  beforeAll(async () => {
    builtPwa = await builtPwaFiles(macKey);
  }, 300_000);

  afterAll(async () => {
    if (buildDir) await rm(buildDir, { recursive: true, force: true });
  });

  it('ships no MAC key in the built PWA', () => {
    expect(builtPwa.length).toBeGreaterThan(0);
    const keys = [macKey, process.env.PAYSERA_MAC_KEY ?? '', 'PAYSERA_MAC_KEY'];
    expect(findNeedles(builtPwa, keys, masked)).toEqual([]);
  });
});
