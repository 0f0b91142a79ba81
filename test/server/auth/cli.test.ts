import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccounts } from '../../../server/auth/accounts.ts';
import { openPostgresStore } from '../../../server/store/postgres/store.ts';
import { openSqliteStore } from '../../../server/store/sqlite.ts';
import { freshPgDatabase } from '../../support/pg-database.ts';

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kasa-cli-'));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

function runCli(args: string[], stdin: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/auth/cli.ts', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('user CLI', () => {
  it('writes its audit rows under AUDIT_KEY, and refuses to write under any other key', async () => {
    const auditKey = 'cli-audit-key-0123456789abcdefghijkl';
    expect(await runCli(['add', 'anna', '--role', 'cashier'], 'secret-pass-123\n', { AUDIT_KEY: auditKey })).toMatchObject({ code: 0 });
    const store = openSqliteStore({ dataDir, auditKey });
    expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 1 });
    await store.close();
    const keyless = await runCli(['add', 'ben', '--role', 'cashier'], 'secret-pass-123\n');
    expect(keyless).toMatchObject({ code: 1, stdout: '' });
    expect(keyless.stderr).toContain('Set AUDIT_KEY');
  });

  it('writes to the PostgreSQL database at DATABASE_URL when it is set, as the server would', async () => {
    const auditKey = 'cli-audit-key-0123456789abcdefghijkl';
    const database = await freshPgDatabase();
    try {
      expect(await runCli(['add', 'anna', '--role', 'supervisor'], 'secret-pass-123\n', { AUDIT_KEY: auditKey, DATABASE_URL: database.url })).toMatchObject({ code: 0 });
      const store = await openPostgresStore({ url: database.url, auditKey });
      try {
        expect(await createAccounts(store).authenticate('anna', 'secret-pass-123')).toEqual({ username: 'anna', role: 'supervisor' });
        expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 1 });
      } finally {
        await store.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('adds a user with the password piped on stdin', async () => {
    const result = await runCli(['add', 'anna', '--role', 'cashier'], 'secret-pass-123\nignored second line\n');
    expect(result).toMatchObject({ code: 0, stdout: 'Added anna (cashier).\n' });
    const store = openSqliteStore({ dataDir });
    try {
      expect(await createAccounts(store).authenticate('anna', 'secret-pass-123')).toEqual({ username: 'anna', role: 'cashier' });
      const [added] = await store.listAudit(0, Number.MAX_SAFE_INTEGER);
      expect(added).toMatchObject({ actor: `cli:${userInfo().username}`, action: 'user.add', outcome: 'anna as cashier' });
    } finally {
      await store.close();
    }
  });

  it('exits non-zero with the usage on bad arguments, and with the reason on a short password', async () => {
    const usage = await runCli(['add', 'anna'], '');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('add needs --role');
    expect(usage.stderr).toContain('Usage: npm run user');

    const short = await runCli(['add', 'anna', '--role', 'cashier'], 'short\n');
    expect(short).toMatchObject({ code: 1, stdout: '' });
    expect(short.stderr).toContain('at least 10 characters');
  });
});
