import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, UsersResponse } from '../../../../shared/desk-api.ts';
import { call, errorOf, password, signIn, startHarness, users, type Harness } from '../harness.ts';

let h: Harness;
let admin = '';

beforeAll(async () => {
  h = await startHarness();
  admin = await signIn(h, users.admin);
});
afterAll(async () => {
  await h?.close();
});

/** Signs in with a password of the test's own; null when refused. */
async function signInWith(username: string, secret: string): Promise<string | null> {
  const response = await call(h, 'POST', '/api/session', { body: { username, password: secret } });
  if (response.status !== 200) return null;
  return (response.headers.get('Set-Cookie') ?? '').split(';')[0] ?? null;
}

const addUser = (body: unknown) => call(h, 'POST', '/api/users', { cookie: admin, body });
const patchUser = (username: string, body: unknown) => call(h, 'PATCH', `/api/users/${username}`, { cookie: admin, body });

/** Everything an account change could touch: the accounts (password hashes included), the audit trail. */
async function snapshot() {
  return { users: await h.store.listUsers(), audit: await h.store.listAudit(0, Number.MAX_SAFE_INTEGER) };
}

async function lastAudit() {
  const rows = await h.store.listAudit(0, Number.MAX_SAFE_INTEGER);
  const { actor, action, outcome } = rows.at(-1) ?? {};
  return { actor, action, outcome };
}

describe('GET /api/users', () => {
  it('lists every account without a password hash', async () => {
    const response = await call(h, 'GET', '/api/users', { cookie: admin });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/scrypt|passwordHash|password/i);
    const body = JSON.parse(text) as UsersResponse;
    expect(body.users.find((user) => user.username === users.cashier)).toEqual({
      username: users.cashier,
      role: 'cashier',
      disabled: false,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('is for admins only', async () => {
    for (const who of [users.cashier, users.supervisor]) {
      const response = await call(h, 'GET', '/api/users', { cookie: await signIn(h, who) });
      expect(response.status, who).toBe(403);
      expect((await errorOf(response)).code).toBe('FORBIDDEN');
    }
  });
});

describe('POST /api/users', () => {
  it('adds an account with the typed password, never echoing it, audited as the admin', async () => {
    const typed = 'typed-secret-4821';
    const response = await addUser({ username: ' Carla ', role: 'supervisor', password: typed });
    expect(response.status).toBe(201);
    const text = await response.text();
    expect(text).not.toContain(typed);
    expect((JSON.parse(text) as { user: Account }).user).toEqual({ username: 'carla', role: 'supervisor', disabled: false, createdAt: expect.any(String) });
    expect(await lastAudit()).toEqual({ actor: users.admin, action: 'user.add', outcome: 'carla as supervisor' });
    const cookie = await signInWith('carla', typed);
    expect(cookie).not.toBeNull();
    expect((await call(h, 'GET', '/api/reports/daily', { cookie: cookie ?? '' })).status).toBe(200);
  });

  it('refuses a duplicate, a bad username, a short or long password, a bad role and unknown fields, changing nothing', async () => {
    const before = await snapshot();
    const cases: [unknown, string][] = [
      [{ username: users.cashier, role: 'cashier', password }, 'That username is already taken; choose another.'],
      [{ username: 'ANNA', role: 'admin', password }, 'That username is already taken; choose another.'],
      [{ username: 'anna smith', role: 'cashier', password }, 'A username has 2 to 32 characters: lower-case letters, digits, dot, underscore or hyphen.'],
      [{ username: 'x', role: 'cashier', password }, 'A username has 2 to 32 characters: lower-case letters, digits, dot, underscore or hyphen.'],
      [{ username: '   ', role: 'cashier', password }, 'Enter a username.'],
      [{ username: 'dora', role: 'cashier', password: 'short-pw' }, 'A password has at least 10 characters.'],
      [{ username: 'dora', role: 'cashier', password: 'x'.repeat(257) }, 'A password has at most 256 characters.'],
      [{ username: 'dora', role: 'boss', password }, expect.any(String)],
      [{ username: 'dora', role: 'cashier' }, expect.any(String)],
      [{ username: 'dora', role: 'cashier', password, disabled: true }, 'The request has a field it does not take; it takes only username, role, password.'],
    ];
    for (const [body, message] of cases) {
      const response = await addUser(body);
      expect({ body, status: response.status, error: await errorOf(response) }).toEqual({
        body,
        status: 400,
        error: { code: 'INVALID_INPUT', message, action: expect.any(String) },
      });
    }
    expect(await snapshot()).toEqual(before);
    expect((await call(h, 'POST', '/api/users', { cookie: admin, body: '{"username":', contentType: 'application/json' })).status).toBe(400);
    expect((await call(h, 'POST', '/api/users', { cookie: admin, body: 'username=dora', contentType: 'text/plain' })).status).toBe(415);
    expect(await snapshot()).toEqual(before);
  });
});

describe('PATCH /api/users/:username', () => {
  it('changes a role, which the signed-in session has at its very next request', async () => {
    await addUser({ username: 'erik', role: 'cashier', password });
    const erik = await signIn(h, 'erik');
    expect((await call(h, 'GET', '/api/reports/daily', { cookie: erik })).status).toBe(403);
    const response = await patchUser('erik', { role: 'supervisor' });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: Account }).user).toMatchObject({ username: 'erik', role: 'supervisor', disabled: false });
    expect(await lastAudit()).toEqual({ actor: users.admin, action: 'user.role', outcome: 'erik from cashier to supervisor' });
    // Sessions read the account on every request: the old role is gone at once, without signing out.
    expect((await call(h, 'GET', '/api/reports/daily', { cookie: erik })).status).toBe(200);
    expect(await (await call(h, 'GET', '/api/session', { cookie: erik })).json()).toEqual({ user: { username: 'erik', role: 'supervisor' } });
    await patchUser('erik', { role: 'cashier' });
    expect((await call(h, 'GET', '/api/reports/daily', { cookie: erik })).status).toBe(403);
  });

  it('resets a password: every session of the account ends, the old password stops working', async () => {
    await addUser({ username: 'fern', role: 'cashier', password });
    const phone = await signIn(h, 'fern');
    const tablet = await signIn(h, 'fern');
    const fresh = 'brand-new-password-77';
    const response = await patchUser('fern', { password: fresh });
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain(fresh);
    expect(await lastAudit()).toEqual({ actor: users.admin, action: 'user.passwd', outcome: 'fern' });
    for (const cookie of [phone, tablet]) expect((await call(h, 'GET', '/api/config', { cookie })).status).toBe(401);
    expect(await signInWith('fern', password)).toBeNull();
    expect(await signInWith('fern', fresh)).not.toBeNull();
    expect(JSON.stringify(await h.store.listAudit(0, Number.MAX_SAFE_INTEGER))).not.toContain(fresh);
  });

  it('disables an account (signed out everywhere, cannot sign in) and enables it again', async () => {
    await addUser({ username: 'gus', role: 'cashier', password });
    const gus = await signIn(h, 'gus');
    const disabled = await patchUser('GUS', { disabled: true });
    expect(disabled.status).toBe(200);
    expect(((await disabled.json()) as { user: Account }).user).toMatchObject({ username: 'gus', disabled: true });
    expect(await lastAudit()).toEqual({ actor: users.admin, action: 'user.disable', outcome: 'gus' });
    expect((await call(h, 'GET', '/api/config', { cookie: gus })).status).toBe(401);
    const refused = await call(h, 'POST', '/api/session', { body: { username: 'gus', password } });
    expect(refused.status).toBe(401);
    expect((await errorOf(refused)).code).toBe('INVALID_CREDENTIALS');

    const enabled = await patchUser('gus', { disabled: false });
    expect(enabled.status).toBe(200);
    expect(await lastAudit()).toEqual({ actor: users.admin, action: 'user.enable', outcome: 'gus' });
    expect(await signInWith('gus', password)).not.toBeNull();
    // The session signed out by the disable stays gone.
    expect((await call(h, 'GET', '/api/config', { cookie: gus })).status).toBe(401);
  });

  it('makes several changes in one request, each its own audit event naming the admin', async () => {
    await addUser({ username: 'hana', role: 'cashier', password });
    const before = (await h.store.listAudit(0, Number.MAX_SAFE_INTEGER)).length;
    const response = await patchUser('hana', { role: 'admin', password: 'hana-new-password', disabled: true });
    expect(response.status).toBe(200);
    const trail = (await h.store.listAudit(0, Number.MAX_SAFE_INTEGER)).slice(before);
    expect(trail.map(({ actor, action, outcome }) => ({ actor, action, outcome }))).toEqual([
      { actor: users.admin, action: 'user.role', outcome: 'hana from cashier to admin' },
      { actor: users.admin, action: 'user.passwd', outcome: 'hana' },
      { actor: users.admin, action: 'user.disable', outcome: 'hana' },
    ]);
  });

  it('refuses an admin demoting or disabling their own account, changing nothing', async () => {
    const before = await snapshot();
    for (const body of [{ role: 'supervisor' }, { disabled: true }, { role: 'cashier', password: 'would-be-new-pass' }, { password: 'would-be-new-pass', disabled: true }]) {
      const response = await patchUser(users.admin, body);
      expect({ body, status: response.status, error: await errorOf(response) }).toEqual({
        body,
        status: 400,
        error: { code: 'INVALID_INPUT', message: 'You cannot demote or disable your own account; ask another admin.', action: expect.any(String) },
      });
    }
    expect(await snapshot()).toEqual(before);
    expect((await call(h, 'GET', '/api/users', { cookie: admin })).status).toBe(200);
  });

  it('refuses an unknown user, a bad body and an empty change, changing nothing and repeating no input', async () => {
    const before = await snapshot();
    const cases: [string, unknown, number, string][] = [
      ['ghost-user-31', { role: 'admin' }, 404, 'NOT_FOUND'],
      ['not%20a%20username', { role: 'admin' }, 404, 'NOT_FOUND'],
      ['x'.repeat(300), { disabled: true }, 404, 'NOT_FOUND'],
      [users.cashier, {}, 400, 'INVALID_INPUT'],
      [users.cashier, { role: 'owner' }, 400, 'INVALID_INPUT'],
      [users.cashier, { password: 'short' }, 400, 'INVALID_INPUT'],
      [users.cashier, { disabled: 'yes' }, 400, 'INVALID_INPUT'],
      [users.cashier, { username: 'renamed-user' }, 400, 'INVALID_INPUT'],
      [users.cashier, [{ role: 'admin' }], 400, 'INVALID_INPUT'],
    ];
    for (const [username, body, status, code] of cases) {
      const response = await patchUser(username, body);
      const text = await response.text();
      expect({ username, body, status: response.status, code: JSON.parse(text).error.code }).toEqual({ username, body, status, code });
      expect(text).not.toContain('ghost-user-31');
      expect(text).not.toContain('renamed-user');
    }
    expect(await snapshot()).toEqual(before);
  });
});
