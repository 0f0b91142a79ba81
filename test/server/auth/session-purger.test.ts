import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSessionPurger } from '../../../server/auth/session-purger.ts';
import { createSessionManager, type SessionManager } from '../../../server/auth/sessions.ts';
import { sessionIdHash } from '../../../server/auth/session-token.ts';
import { openSqliteStore } from '../../../server/store/sqlite.ts';
import type { Store } from '../../../server/store/types.ts';

const hour = 3_600_000;

let dir: string;
let store: Store;
let clock: number;
let sessions: SessionManager;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kasa-purger-'));
  clock = 1_700_000_000_000;
  store = openSqliteStore({ dataDir: dir });
  sessions = createSessionManager({ store, idleMs: hour, now: () => clock });
  await store.createUser({ username: 'anna', role: 'cashier', passwordHash: 'unused', disabled: false, createdAt: 0 });
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (await condition()) return;
    await delay(10);
  }
  throw new Error('condition not met');
}

const gone = (token: string) => async () => (await store.getSession(sessionIdHash(token))) === null;

describe('session purger', () => {
  it('deletes idle sessions on every round without anyone presenting their cookie, and keeps live ones', async () => {
    const abandoned = await sessions.create('anna');
    clock += hour / 2;
    const recent = await sessions.create('anna');
    clock += hour / 2 + 1;
    const stop = startSessionPurger(sessions, { intervalMs: 5 });
    try {
      await until(gone(abandoned));
      expect(await store.getSession(sessionIdHash(recent))).not.toBeNull();

      clock += hour / 2;
      await until(gone(recent));
    } finally {
      await stop();
    }
  });

  it('stops when told: a session idle after the stop stays until the next start', async () => {
    const stop = startSessionPurger(sessions, { intervalMs: 5 });
    await stop();
    const token = await sessions.create('anna');
    clock += 2 * hour;
    await delay(30);
    expect(await store.getSession(sessionIdHash(token))).not.toBeNull();
  });
});
