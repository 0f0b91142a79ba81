import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountError, type Accounts, createAccounts } from '../../../server/auth/accounts.ts';
import { createSessionManager } from '../../../server/auth/sessions.ts';
import { openSqliteStore } from '../../../server/store/sqlite.ts';
import type { Store } from '../../../server/store/types.ts';

const password = 'correct-horse-1';

let dir: string;
let store: Store;
let accounts: Accounts;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kasa-accounts-'));
  store = openSqliteStore({ dataDir: dir });
  accounts = createAccounts(store, { now: () => 42 });
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('accounts', () => {
  it('adds a user with a scrypt hash and lists it without the hash', async () => {
    expect(await accounts.add('anna', 'cashier', password)).toEqual({ username: 'anna', role: 'cashier', disabled: false, createdAt: 42 });
    expect((await store.getUser('anna'))?.passwordHash).toMatch(/^scrypt\$/);
    expect(await accounts.list()).toEqual([{ username: 'anna', role: 'cashier', disabled: false, createdAt: 42 }]);
  });

  it('records every account change in the audit trail, naming who made it and never a password', async () => {
    const admin = createAccounts(store, { actor: 'cli:root' });
    await admin.add('anna', 'supervisor', password);
    await admin.setPassword('anna', 'another-pass-2');
    await admin.disable('anna');
    await expect(admin.add('anna', 'cashier', password)).rejects.toBeInstanceOf(AccountError);
    const trail = await store.listAudit(0, Number.MAX_SAFE_INTEGER);
    expect(trail.map(({ actor, action, outcome }) => ({ actor, action, outcome }))).toEqual([
      { actor: 'cli:root', action: 'user.add', outcome: 'anna as supervisor' },
      { actor: 'cli:root', action: 'user.passwd', outcome: 'anna' },
      { actor: 'cli:root', action: 'user.disable', outcome: 'anna' },
    ]);
    expect(JSON.stringify(trail)).not.toMatch(/correct-horse|another-pass|scrypt/);
    expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 3 });
  });

  it('lower-cases and trims the username', async () => {
    expect(await accounts.add(' Anna ', 'cashier', password)).toMatchObject({ username: 'anna', role: 'cashier' });
    expect(await accounts.authenticate('ANNA', password)).toEqual({ username: 'anna', role: 'cashier' });
  });

  it('validates username, role and password length, and refuses duplicates', async () => {
    for (const bad of ['a', 'x'.repeat(33), 'anna smith', 'anna@shop', 'änna', '']) {
      await expect(accounts.add(bad, 'cashier', password), bad).rejects.toThrow(/2 to 32 characters/);
    }
    await expect(accounts.add('anna', 'boss' as 'admin', password)).rejects.toThrow(/role must be one of/);
    await expect(accounts.add('anna', 'cashier', '123456789')).rejects.toThrow(/at least 10/);
    await expect(accounts.add('anna', 'cashier', 'x'.repeat(257))).rejects.toThrow(/at most 256/);
    await accounts.add('a.b_c-9', 'admin', '1234567890');
    await expect(accounts.add('A.B_C-9', 'cashier', password)).rejects.toThrow(new AccountError('The user "a.b_c-9" already exists.', 'taken'));
    expect(await accounts.list()).toHaveLength(1);
  });

  it('authenticates the right password only', async () => {
    await accounts.add('anna', 'supervisor', password);
    expect(await accounts.authenticate('anna', password)).toEqual({ username: 'anna', role: 'supervisor' });
    expect(await accounts.authenticate('anna', 'wrong-password')).toBeNull();
    expect(await accounts.authenticate('nobody', password)).toBeNull();
  });

  it('disables a user: refused at login and signed out everywhere', async () => {
    await accounts.add('anna', 'cashier', password);
    const sessions = createSessionManager({ store });
    const token = await sessions.create('anna');
    await accounts.disable('Anna');
    expect(await accounts.authenticate('anna', password)).toBeNull();
    expect(await store.getUser('anna')).toMatchObject({ disabled: true });
    expect(await sessions.resolve(token)).toBeNull();
    expect((await accounts.list())[0]?.disabled).toBe(true);
  });

  it('changes a password and signs the user out', async () => {
    await accounts.add('anna', 'cashier', password);
    const sessions = createSessionManager({ store });
    const token = await sessions.create('anna');
    await expect(accounts.setPassword('anna', 'short')).rejects.toThrow(/at least 10/);
    await accounts.setPassword('anna', 'a-new-password');
    expect(await accounts.authenticate('anna', password)).toBeNull();
    expect(await accounts.authenticate('anna', 'a-new-password')).toEqual({ username: 'anna', role: 'cashier' });
    expect(await sessions.resolve(token)).toBeNull();
  });

  it('names the unknown user for disable and setPassword', async () => {
    await expect(accounts.disable('ghost')).rejects.toThrow(new AccountError('There is no user "ghost".', 'unknown-user'));
    await expect(accounts.setPassword('ghost', password)).rejects.toThrow(/no user "ghost"/);
  });

  it('changes a role and enables a disabled account, each an audit event naming the actor of the call', async () => {
    const cli = createAccounts(store, { actor: 'cli:root' });
    await cli.add('root', 'admin', password);
    await cli.add('anna', 'cashier', password, 'root');
    await cli.setRole('anna', 'supervisor', 'root');
    await cli.disable('anna', 'root');
    expect(await accounts.authenticate('anna', password)).toBeNull();
    await cli.enable('Anna', 'root');
    expect(await accounts.authenticate('anna', password)).toEqual({ username: 'anna', role: 'supervisor' });
    await cli.setRole('anna', 'cashier');
    const trail = await store.listAudit(0, Number.MAX_SAFE_INTEGER);
    expect(trail.map(({ actor, action, outcome }) => ({ actor, action, outcome }))).toEqual([
      { actor: 'cli:root', action: 'user.add', outcome: 'root as admin' },
      { actor: 'root', action: 'user.add', outcome: 'anna as cashier' },
      { actor: 'root', action: 'user.role', outcome: 'anna from cashier to supervisor' },
      { actor: 'root', action: 'user.disable', outcome: 'anna' },
      { actor: 'root', action: 'user.enable', outcome: 'anna' },
      { actor: 'cli:root', action: 'user.role', outcome: 'anna from supervisor to cashier' },
    ]);
  });

  it('keeps a session signed in across a role change, answering with the new role at its next request', async () => {
    await accounts.add('anna', 'cashier', password);
    const sessions = createSessionManager({ store });
    const token = await sessions.create('anna');
    await accounts.setRole('anna', 'admin');
    expect(await sessions.resolve(token)).toEqual({ username: 'anna', role: 'admin' });
    await accounts.setRole('anna', 'cashier');
    expect(await sessions.resolve(token)).toEqual({ username: 'anna', role: 'cashier' });
  });

  it('makes several changes in one update, and records nothing for a value that is already so', async () => {
    await accounts.add('anna', 'cashier', password);
    const sessions = createSessionManager({ store });
    const token = await sessions.create('anna');
    expect(await accounts.update('anna', { role: 'supervisor', password: 'a-new-password', disabled: false }, 'root')).toEqual({
      username: 'anna',
      role: 'supervisor',
      disabled: false,
      createdAt: 42,
    });
    expect(await sessions.resolve(token)).toBeNull();
    expect(await accounts.authenticate('anna', 'a-new-password')).toEqual({ username: 'anna', role: 'supervisor' });
    await accounts.update('anna', { role: 'supervisor', disabled: false }, 'root');
    const actions = (await store.listAudit(0, Number.MAX_SAFE_INTEGER)).map((row) => row.action);
    expect(actions).toEqual(['user.add', 'user.role', 'user.passwd']);
  });

  it('refuses an actor demoting or disabling their own account, changing nothing', async () => {
    await accounts.add('root', 'admin', password);
    const sessions = createSessionManager({ store });
    const token = await sessions.create('root');
    const before = await store.listAudit(0, Number.MAX_SAFE_INTEGER);
    for (const change of [{ role: 'supervisor' as const }, { disabled: true }, { password: 'another-pass-2', disabled: true }, { role: 'cashier' as const, password: 'another-pass-2' }]) {
      await expect(accounts.update('root', change, 'root'), JSON.stringify(change)).rejects.toThrow(
        new AccountError('You cannot demote or disable your own account; ask another admin.', 'own-account'),
      );
    }
    await expect(accounts.disable('root', 'root')).rejects.toMatchObject({ refusal: 'own-account' });
    expect(await store.getUser('root')).toMatchObject({ role: 'admin', disabled: false });
    expect(await accounts.authenticate('root', password)).toEqual({ username: 'root', role: 'admin' });
    expect(await sessions.resolve(token)).toEqual({ username: 'root', role: 'admin' });
    expect(await store.listAudit(0, Number.MAX_SAFE_INTEGER)).toEqual(before);
    await accounts.update('root', { password: 'another-pass-2', disabled: false, role: 'admin' }, 'root');
    expect(await accounts.authenticate('root', 'another-pass-2')).toEqual({ username: 'root', role: 'admin' });
  });

  it('says why it refused: an unknown user, a taken username, or invalid input', async () => {
    await accounts.add('anna', 'cashier', password);
    await expect(accounts.update('ghost', { role: 'admin' })).rejects.toMatchObject({ refusal: 'unknown-user' });
    await expect(accounts.add('anna', 'admin', password)).rejects.toMatchObject({ refusal: 'taken' });
    await expect(accounts.add('a', 'admin', password)).rejects.toMatchObject({ refusal: 'invalid' });
    await expect(accounts.update('anna', { password: 'short' })).rejects.toMatchObject({ refusal: 'invalid' });
    await expect(accounts.update('anna', { role: 'boss' as 'admin' })).rejects.toMatchObject({ refusal: 'invalid' });
    expect(await store.getUser('anna')).toMatchObject({ role: 'cashier' });
  });
});
