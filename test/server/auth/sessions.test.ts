import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSessionManager, type SessionManager } from '../../../server/auth/sessions.ts';
import { openSqliteStore } from '../../../server/store/sqlite.ts';
import type { Store } from '../../../server/store/types.ts';

const minute = 60_000;
const hour = 60 * minute;

let dir: string;
let store: Store;
let clock: number;
let sessions: SessionManager;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kasa-sessions-'));
  clock = 1_700_000_000_000;
  store = openSqliteStore({ dataDir: dir });
  sessions = createSessionManager({ store, now: () => clock });
  await store.createUser({ username: 'anna', role: 'cashier', passwordHash: 'unused', disabled: false, createdAt: 0 });
  await store.createUser({ username: 'sue', role: 'supervisor', passwordHash: 'unused', disabled: false, createdAt: 0 });
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('session manager', () => {
  it('creates a 32-byte base64url token and stores only its SHA-256', async () => {
    const token = await sessions.create('anna');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(await store.getSession(token)).toBeNull();
    const idHash = createHash('sha256').update(token).digest('hex');
    expect(await store.getSession(idHash)).toEqual({ idHash, username: 'anna', createdAt: clock, lastSeenAt: clock });
    expect(await sessions.create('anna')).not.toBe(token);
  });

  it('resolves a token to its user and nothing else', async () => {
    const token = await sessions.create('sue');
    expect(await sessions.resolve(token)).toEqual({ username: 'sue', role: 'supervisor' });
    expect(await sessions.resolve(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(await sessions.resolve('')).toBeNull();
    expect(await sessions.resolve('not a token')).toBeNull();
  });

  it('expires after 12 idle hours by default, and use keeps it alive', async () => {
    const token = await sessions.create('anna');
    clock += 11 * hour;
    expect(await sessions.resolve(token)).not.toBeNull();
    clock += 11 * hour;
    expect(await sessions.resolve(token)).not.toBeNull();
    clock += 12 * hour + 1;
    expect(await sessions.resolve(token)).toBeNull();
    clock -= 12 * hour;
    expect(await sessions.resolve(token)).toBeNull();
  });

  it('honours a configured idle time', async () => {
    const short = createSessionManager({ store, idleMs: 10 * minute, now: () => clock });
    const token = await short.create('anna');
    clock += 10 * minute;
    expect(await short.resolve(token)).not.toBeNull();
    clock += 10 * minute + 1;
    expect(await short.resolve(token)).toBeNull();
  });

  it('touches lastSeenAt at most once a minute', async () => {
    const token = await sessions.create('anna');
    const idHash = createHash('sha256').update(token).digest('hex');
    const created = clock;
    clock += 59_999;
    await sessions.resolve(token);
    expect((await store.getSession(idHash))?.lastSeenAt).toBe(created);
    clock += 1;
    await sessions.resolve(token);
    expect((await store.getSession(idHash))?.lastSeenAt).toBe(clock);
  });

  it('refuses a disabled user', async () => {
    const token = await sessions.create('anna');
    await store.updateUser('anna', { disabled: true });
    expect(await sessions.resolve(token)).toBeNull();
    await store.updateUser('anna', { disabled: false });
    expect(await sessions.resolve(token)).toBeNull();
  });

  it('destroys one session or all of a user', async () => {
    const first = await sessions.create('anna');
    const second = await sessions.create('anna');
    const other = await sessions.create('sue');
    await sessions.destroy(first);
    expect(await sessions.resolve(first)).toBeNull();
    expect(await sessions.resolve(second)).not.toBeNull();
    await sessions.destroyAllOf('anna');
    expect(await sessions.resolve(second)).toBeNull();
    expect(await sessions.resolve(other)).not.toBeNull();
  });

  it('purges idle sessions in bulk', async () => {
    const old = await sessions.create('anna');
    clock += 6 * hour;
    const recent = await sessions.create('sue');
    clock += 6 * hour + 1;
    expect(await sessions.purgeIdle()).toBe(1);
    expect(await sessions.resolve(recent)).not.toBeNull();
    expect(await sessions.resolve(old)).toBeNull();
  });
});
