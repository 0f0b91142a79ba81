import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccounts } from '../../server/auth/accounts.ts';
import { ensureDemoAccounts } from '../../server/demo-accounts.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import { freePort } from '../support/pg-cluster.ts';

/** `server/main.ts` as an operator runs it: what reaches the terminal, what is logged, what stops it. */

let dataDir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kasa-startup-'));
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

function runMain(env: Record<string, string>): Run {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(PAYSERA_|HOST|PORT|TLS_|TRUST_PROXY|PUBLIC_ORIGIN|DATABASE_URL)/.test(name)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...clean, DATA_DIR: dataDir, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, output: () => ({ stdout, stderr }), exited };
}

async function until(run: Run, pattern: RegExp): Promise<RegExpMatchArray> {
  for (let i = 0; i < 600; i += 1) {
    const match = run.output().stdout.match(pattern);
    if (match) return match;
    if (run.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${pattern} in: ${JSON.stringify(run.output())}`);
}

describe('server/main.ts', () => {
  it('prints the demo passwords in the banner and in no JSON log line', async () => {
    const run = runMain({ LOG_LEVEL: 'debug' });
    const [, cashier = '', supervisor = '', admin = ''] = await until(
      run,
      /Cashier: +demo-cashier +password (\S+)\n +Supervisor: +demo-supervisor +password (\S+)\n +Admin: +demo-admin +password (\S+)/,
    );
    expect(cashier.length).toBeGreaterThanOrEqual(10);
    // pino writes asynchronously: the log line about demo mode may follow the banner.
    await until(run, /"msg":"Demo mode on the embedded simulator[^\n]*\n/);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const logLines = run.output().stdout.split('\n').filter((line) => line.startsWith('{'));
    expect(logLines.length).toBeGreaterThanOrEqual(3);
    for (const line of logLines) {
      expect(line).not.toContain(cashier);
      expect(line).not.toContain(supervisor);
      expect(line).not.toContain(admin);
    }
  }, 60_000);

  it('refuses a non-loopback HOST without TLS or TRUST_PROXY, saying why', async () => {
    const run = runMain({ HOST: '0.0.0.0' });
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toMatch(/configuration is not valid:\n {2}HOST: "0\.0\.0\.0" lets other machines connect, but without TLS/);
  }, 60_000);

  it('refuses live mode on a data folder holding demo accounts, saying why', async () => {
    const auditKey = 'k'.repeat(32);
    const store = openSqliteStore({ dataDir, auditKey });
    try {
      await ensureDemoAccounts(store, createAccounts(store), { cashier: 'old-demo-password-1', supervisor: 'old-demo-password-2', admin: 'old-demo-password-3' });
    } finally {
      await store.close();
    }
    const run = runMain({ PAYSERA_CLIENT_ID: 'client', PAYSERA_MAC_KEY: 'mac-key-mac-key', PAYSERA_BASE_URL: 'http://127.0.0.1:9/rest/v1/', AUDIT_KEY: auditKey });
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toMatch(/^Kasa failed to start: live mode refuses to start: .* holds the demo account\(s\) demo-cashier, demo-supervisor, demo-admin\b/m);
  }, 60_000);

  it('stops with one line naming DATABASE_URL, and no stack trace, when the database cannot be reached', async () => {
    const port = await freePort();
    const run = runMain({ DATABASE_URL: `postgres://kasa:db-password-never-shown@127.0.0.1:${port}/kasa` });
    expect(await run.exited).toBe(1);
    const { stdout, stderr } = run.output();
    expect(stderr).toBe(`Kasa failed to start: DATABASE_URL: the PostgreSQL database at 127.0.0.1:${port}/kasa cannot be reached (connect ECONNREFUSED 127.0.0.1:${port}).\n`);
    expect(stdout).toBe('');
  }, 60_000);

  it('refuses a DATABASE_URL that is not a PostgreSQL URL, without showing it', async () => {
    const run = runMain({ DATABASE_URL: 'mysql://kasa:db-password-never-shown@db/kasa' });
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toBe(
      'Kasa cannot start, the configuration is not valid:\n  DATABASE_URL: is not a postgres:// or postgresql:// URL with a host (the value is not shown, it may hold a password)\n',
    );
  }, 60_000);
});
