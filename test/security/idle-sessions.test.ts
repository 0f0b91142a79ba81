import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { parseConfig } from '../../server/config.ts';
import { startServer } from '../../server/start-server.ts';
import { createApiSession } from '../reliability/support/api-session.ts';

/** Issue 10, LOW: a session nobody comes back to must not stay in the table for good. */

const demoPasswords = { cashier: 'demo-cashier-password-1', supervisor: 'demo-supervisor-password-1' };

function sessionRows(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

it('purges idle sessions on a timer while nobody presents their cookie', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kasa-idle-'));
  // 0.0001 hours is 360 ms: short enough for a test, and nothing here depends on how long it really is.
  const parsed = parseConfig({ LOG_LEVEL: 'silent', SESSION_IDLE_HOURS: '0.0001' });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const server = await startServer(parsed.config, { port: 0, host: '127.0.0.1', dataDir, demoPasswords, sessionPurgeIntervalMs: 20 });
  try {
    await createApiSession(server.origin).signIn('demo-cashier', demoPasswords.cashier);
    const file = join(dataDir, 'demo', 'kasa.sqlite');
    let rows = 1;
    for (let i = 0; i < 300 && rows > 0; i += 1) {
      await delay(20);
      rows = sessionRows(file);
    }
    expect(rows).toBe(0);
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
