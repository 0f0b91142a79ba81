import type { Cashout } from '../../shared/api.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../shared/local-date.ts';
import { contentSecurityPolicy } from '../../server/http/security-headers.ts';
import type { TestAccount } from '../reliability/support/accounts.ts';
import { type ApiResponse, type ApiSession, createApiSession } from '../reliability/support/api-session.ts';
import { startKasaStack, type KasaStack } from '../reliability/support/kasa-stack.ts';
import { selfSignedCertificate } from '../server/support/self-signed-certificate.ts';
import { type RawResponse, rawRequest, setCookieFor } from './support/raw-http.ts';
import { createStaticFixture, type StaticFixture } from './support/static-fixture.ts';

/**
 * Who may do what (design §3), as a table of every route × every role × no session, plus the
 * rules around it: no self-approval, cashiers see only their own cash-outs, sign-in throttling,
 * session cookie flags and the security headers on every kind of response.
 */

type Who = 'cashier' | 'supervisor' | 'admin' | 'none';
const everyone: readonly Who[] = ['cashier', 'supervisor', 'admin', 'none'];

let stack: KasaStack;
let statics: StaticFixture;
let walletId: number;
let clients: Record<Who, ApiSession>;
let otherCashier: ApiSession;
let accountOf: Record<Exclude<Who, 'none'>, TestAccount>;
let otherSupervisor: TestAccount;
let locationId: string;
/** The open shift each signed-in client pays out of; `other` is the second cashier's. */
let shiftOf: Record<Exclude<Who, 'none'> | 'other', string>;

function account(list: readonly TestAccount[], index: number): TestAccount {
  const found = list[index];
  if (!found) throw new Error(`account ${index} missing`);
  return found;
}

async function signedIn(who: TestAccount): Promise<ApiSession> {
  const session = createApiSession(stack.origin);
  await session.signIn(who.username, who.password);
  return session;
}

beforeAll(async () => {
  statics = await createStaticFixture();
  // The default REQUIRE_SHIFT: every payer pays out of an open shift, as in a shop.
  stack = await startKasaStack({
    staticRoot: statics.root,
    cashiers: 2,
    supervisors: 2,
    env: { SUPERVISOR_THRESHOLD: '300.00', MAX_AMOUNT: '1000.00', REQUIRE_SHIFT: 'true', TILL_TOLERANCE: '0.00' },
  });
  walletId = stack.simulator.state.createWallet({ EUR: 10_000_000 });
  accountOf = { cashier: account(stack.accounts.cashiers, 0), supervisor: account(stack.accounts.supervisors, 0), admin: stack.accounts.admin };
  otherSupervisor = account(stack.accounts.supervisors, 1);
  clients = {
    cashier: await signedIn(accountOf.cashier),
    supervisor: await signedIn(accountOf.supervisor),
    admin: await signedIn(accountOf.admin),
    none: createApiSession(stack.origin),
  };
  otherCashier = await signedIn(account(stack.accounts.cashiers, 1));
  const location = await clients.admin.request('POST', '/api/locations', { name: 'Access test shop' });
  if (location.status !== 201) throw new Error(`add location: ${location.status} ${location.text}`);
  locationId = (location.json as { location: { id: string } }).location.id;
  shiftOf = {
    cashier: await openShift(clients.cashier, '5000.00'),
    supervisor: await openShift(clients.supervisor, '5000.00'),
    admin: await openShift(clients.admin, '5000.00'),
    other: await openShift(otherCashier, '5000.00'),
  };
}, 60_000);

afterAll(async () => {
  await stack?.close();
  await statics?.close();
});

async function openShift(session: ApiSession, float: string): Promise<string> {
  const opened = await session.request('POST', '/api/shifts', { locationId, float: [{ amount: float, currency: 'EUR' }] });
  if (opened.status !== 201) throw new Error(`open shift: ${opened.status} ${opened.text}`);
  return (opened.json as { shift: { id: string } }).shift.id;
}

async function closeShift(session: ApiSession, shiftId: string, counted: string): Promise<void> {
  const closed = await session.request('POST', `/api/shifts/${shiftId}/close`, { counted: [{ amount: counted, currency: 'EUR' }] });
  if (closed.status !== 200) throw new Error(`close shift: ${closed.status} ${closed.text}`);
}

const staffPassword = 'desk-staff-password';

/** A new account of `role`, made by the admin and signed in: a shift of its own, apart from every other cell's. */
async function freshStaff(role: Exclude<Who, 'none'>): Promise<ApiSession> {
  return (await freshAccount(role)).session;
}

async function freshAccount(role: Exclude<Who, 'none'>): Promise<{ session: ApiSession; username: string }> {
  const username = fresh(`desk-${role}`);
  const added = await clients.admin.request('POST', '/api/users', { username, role, password: staffPassword });
  if (added.status !== 201) throw new Error(`add user: ${added.status} ${added.text}`);
  const session = createApiSession(stack.origin);
  await session.signIn(username, staffPassword);
  return { session, username };
}

/** The caller's own new shift, or, for no session, a fresh cashier's: the cell then tests only who asks. */
async function shiftFor(who: Who, float = '100.00'): Promise<{ session: ApiSession; shiftId: string }> {
  const owner = await freshStaff(who === 'none' ? 'cashier' : who);
  const shiftId = await openShift(owner, float);
  return { session: who === 'none' ? clients.none : owner, shiftId };
}

/** A cashier reads their own shift; supervisors and admins read the second cashier's. */
const readableShiftFor = (who: Who): string => (who === 'cashier' ? shiftOf.cashier : shiftOf.other);

async function newCashout(owner: ApiSession, amount = '20.00'): Promise<Cashout> {
  const created = await owner.request('POST', '/api/cashouts', { amount, currency: 'EUR' });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${created.text}`);
  return created.json as Cashout;
}

async function reservedCashout(owner: ApiSession, amount = '20.00'): Promise<Cashout> {
  const { id } = await newCashout(owner, amount);
  const { code } = stack.simulator.state.issueCode(walletId);
  const reserved = await owner.request('POST', `/api/cashouts/${id}/reserve`, { code });
  if (reserved.status !== 200) throw new Error(`reserve: ${reserved.status} ${reserved.text}`);
  return reserved.json as Cashout;
}

/** A cashier acts on their own cash-outs; supervisors and admins here act on another cashier's. */
const ownerFor = (who: Who): ApiSession => (who === 'cashier' ? clients.cashier : otherCashier);

/** The matrix checks who may ask, not what a day holds: any valid date does. */
const someDay = '2026-11-26';
/** A cash-out's own local day, so a test running across midnight still asks for the right one. */
const dayOf = (cashout: Cashout): string => localDate(Date.parse(cashout.createdAt));

interface RouteRow {
  route: string;
  expected: Record<Who, number>;
  call(who: Who): Promise<ApiResponse>;
}

const signedInOnly = (status: number) => ({ cashier: status, supervisor: status, admin: status, none: 401 });
const supervisorsOnly = { cashier: 403, supervisor: 200, admin: 200, none: 401 };
const adminsOnly = (status: number) => ({ cashier: 403, supervisor: 403, admin: status, none: 401 });

/** A name no earlier cell used, so that every admin cell adds something new. */
let unique = 0;
function fresh(prefix: string): string {
  unique += 1;
  return `${prefix}-${unique}`;
}

/** The account or location a cell acts on, made by the admin first: a refusal then means the role, never a missing target. */
async function throwawayUser(): Promise<string> {
  const username = fresh('throwaway');
  const response = await clients.admin.request('POST', '/api/users', { username, role: 'cashier', password: 'throwaway-password-1' });
  if (response.status !== 201) throw new Error(`add user: ${response.status} ${response.text}`);
  return username;
}

async function throwawayLocation(): Promise<string> {
  const response = await clients.admin.request('POST', '/api/locations', { name: fresh('Throwaway shop') });
  if (response.status !== 201) throw new Error(`add location: ${response.status} ${response.text}`);
  return (response.json as { location: { id: string } }).location.id;
}

const table: RouteRow[] = [
  {
    route: 'POST /api/session',
    expected: { cashier: 200, supervisor: 200, admin: 200, none: 200 },
    call: (who) => {
      const { username, password } = accountOf[who === 'none' ? 'cashier' : who];
      return createApiSession(stack.origin).request('POST', '/api/session', { username, password });
    },
  },
  // Who am I: "nobody" is an answer (`{user: null}`), so a signed-out start logs no 401 in the browser.
  { route: 'GET /api/session', expected: { cashier: 200, supervisor: 200, admin: 200, none: 200 }, call: (who) => clients[who].request('GET', '/api/session') },
  {
    route: 'DELETE /api/session',
    expected: signedInOnly(204),
    // A session of its own: signing out the shared one would change every later cell.
    call: async (who) => (who === 'none' ? clients.none : await signedIn(accountOf[who])).request('DELETE', '/api/session'),
  },
  { route: 'GET /api/config', expected: signedInOnly(200), call: (who) => clients[who].request('GET', '/api/config') },
  {
    route: 'POST /api/cashouts',
    expected: signedInOnly(201),
    call: (who) => clients[who].request('POST', '/api/cashouts', { amount: '10.00', currency: 'EUR' }),
  },
  { route: 'GET /api/cashouts?date=', expected: signedInOnly(200), call: (who) => clients[who].request('GET', `/api/cashouts?date=${someDay}`) },
  {
    route: 'GET /api/cashouts/:id',
    expected: signedInOnly(200),
    call: async (who) => clients[who].request('GET', `/api/cashouts/${(await newCashout(ownerFor(who))).id}`),
  },
  {
    route: 'POST /api/cashouts/:id/reserve',
    expected: signedInOnly(200),
    call: async (who) => {
      const { id } = await newCashout(ownerFor(who));
      return clients[who].request('POST', `/api/cashouts/${id}/reserve`, { code: stack.simulator.state.issueCode(walletId).code });
    },
  },
  {
    route: 'POST /api/cashouts/:id/approve',
    expected: signedInOnly(200),
    call: async (who) => {
      const { id } = await reservedCashout(ownerFor(who), '400.00');
      return clients[who].request('POST', `/api/cashouts/${id}/approve`, { username: otherSupervisor.username, password: otherSupervisor.password });
    },
  },
  {
    route: 'POST /api/cashouts/:id/confirm',
    expected: signedInOnly(200),
    call: async (who) => clients[who].request('POST', `/api/cashouts/${(await reservedCashout(ownerFor(who))).id}/confirm`, { identityChecks: ['document', 'photo'] }),
  },
  {
    route: 'POST /api/cashouts/:id/cancel',
    expected: signedInOnly(200),
    call: async (who) => clients[who].request('POST', `/api/cashouts/${(await newCashout(ownerFor(who))).id}/cancel`),
  },
  { route: 'GET /api/reports/daily', expected: supervisorsOnly, call: (who) => clients[who].request('GET', `/api/reports/daily?date=${someDay}`) },
  { route: 'GET /api/audit', expected: supervisorsOnly, call: (who) => clients[who].request('GET', '/api/audit') },
  { route: 'GET /api/audit.csv', expected: supervisorsOnly, call: (who) => clients[who].request('GET', '/api/audit.csv') },
  { route: 'GET /api/audit/verify', expected: supervisorsOnly, call: (who) => clients[who].request('GET', '/api/audit/verify') },
  { route: 'GET /api/health', expected: { cashier: 200, supervisor: 200, admin: 200, none: 200 }, call: (who) => clients[who].request('GET', '/api/health') },
  { route: 'GET /api/locations', expected: signedInOnly(200), call: (who) => clients[who].request('GET', '/api/locations') },
  { route: 'POST /api/locations', expected: adminsOnly(201), call: (who) => clients[who].request('POST', '/api/locations', { name: fresh(`Shop of ${who}`) }) },
  {
    route: 'PATCH /api/locations/:id',
    expected: adminsOnly(200),
    call: async (who) => clients[who].request('PATCH', `/api/locations/${await throwawayLocation()}`, { name: fresh('Renamed shop') }),
  },
  { route: 'GET /api/users', expected: adminsOnly(200), call: (who) => clients[who].request('GET', '/api/users') },
  {
    route: 'POST /api/users',
    expected: adminsOnly(201),
    call: (who) => clients[who].request('POST', '/api/users', { username: fresh(`added-by-${who}`), role: 'admin', password: 'a-fresh-password-9' }),
  },
  {
    route: 'PATCH /api/users/:username',
    expected: adminsOnly(200),
    call: async (who) => clients[who].request('PATCH', `/api/users/${await throwawayUser()}`, { role: 'admin' }),
  },
  {
    route: 'POST /api/shifts',
    expected: signedInOnly(201),
    call: async (who) =>
      (who === 'none' ? clients.none : await freshStaff(who)).request('POST', '/api/shifts', { locationId, float: [{ amount: '100.00', currency: 'EUR' }] }),
  },
  { route: 'GET /api/shifts/current', expected: signedInOnly(200), call: (who) => clients[who].request('GET', '/api/shifts/current') },
  { route: 'GET /api/shifts?date=', expected: signedInOnly(200), call: (who) => clients[who].request('GET', `/api/shifts?date=${someDay}`) },
  {
    route: 'POST /api/shifts/:id/movements',
    expected: signedInOnly(201),
    call: async (who) => {
      const { session, shiftId } = await shiftFor(who);
      return session.request('POST', `/api/shifts/${shiftId}/movements`, { kind: 'pay_in', amount: '25.00', currency: 'EUR', reason: 'change from the safe' });
    },
  },
  {
    route: 'POST /api/shifts/:id/close',
    expected: signedInOnly(200),
    call: async (who) => {
      const { session, shiftId } = await shiftFor(who);
      return session.request('POST', `/api/shifts/${shiftId}/close`, { counted: [{ amount: '100.00', currency: 'EUR' }] });
    },
  },
  {
    // Supervisor credentials on whichever device asks: the cashier's own, or a supervisor's.
    route: 'POST /api/shifts/:id/sign-off',
    expected: signedInOnly(200),
    call: async (who) => {
      const cashier = await freshStaff('cashier');
      const shiftId = await openShift(cashier, '100.00');
      await closeShift(cashier, shiftId, '90.00');
      const device = who === 'cashier' ? cashier : clients[who];
      return device.request('POST', `/api/shifts/${shiftId}/sign-off`, { username: otherSupervisor.username, password: otherSupervisor.password });
    },
  },
  { route: 'GET /api/shifts/:id/report', expected: signedInOnly(200), call: (who) => clients[who].request('GET', `/api/shifts/${readableShiftFor(who)}/report`) },
  {
    route: 'GET /api/shifts/:id/report.csv',
    expected: signedInOnly(200),
    call: (who) => clients[who].request('GET', `/api/shifts/${readableShiftFor(who)}/report.csv`),
  },
];

const cells = table.flatMap((row) => everyone.map((who) => ({ row, who, status: row.expected[who] })));

describe('access table: every route × every role × no session', () => {
  it.each(cells.map((cell) => [cell.row.route, cell.who, cell.status, cell] as const))('%s as %s → %i', async (_route, who, status, cell) => {
    const response = await cell.row.call(who);
    expect({ status: response.status, body: response.status === status ? '' : response.text }).toEqual({ status, body: '' });
    if (status === 401) expect(response.json).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    if (status === 403) expect(response.json).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});

describe('the admin routes refused to everyone else', () => {
  it('left no trace: no account or location added, renamed or promoted by a refused cell', async () => {
    const accounts = (await clients.admin.request('GET', '/api/users')).json as { users: { username: string; role: string }[] };
    const locations = (await clients.admin.request('GET', '/api/locations')).json as { locations: { name: string }[] };
    expect(accounts.users.filter((user) => user.username.startsWith('added-by-')).map((user) => user.username.replace(/-\d+$/, ''))).toEqual(['added-by-admin']);
    expect(locations.locations.filter((location) => location.name.startsWith('Shop of ')).map((location) => location.name.replace(/-\d+$/, ''))).toEqual(['Shop of admin']);
    expect(locations.locations.filter((location) => location.name.startsWith('Renamed shop'))).toHaveLength(1);
    const throwaways = accounts.users.filter((user) => user.username.startsWith('throwaway-'));
    expect(throwaways).toHaveLength(4);
    expect(throwaways.filter((user) => user.role === 'admin')).toHaveLength(1);
  });
});

describe('approval and ownership', () => {
  it('refuses a supervisor approving their own cash-out, and a cashier approving at all', async () => {
    const own = await reservedCashout(clients.supervisor, '500.00');
    const self = await clients.supervisor.request('POST', `/api/cashouts/${own.id}/approve`, {
      username: accountOf.supervisor.username,
      password: accountOf.supervisor.password,
    });
    expect(self.status).toBe(403);
    expect(self.json).toMatchObject({ error: { code: 'SELF_APPROVAL' } });

    const cashierOwn = await reservedCashout(clients.cashier, '500.00');
    const byCashier = await clients.cashier.request('POST', `/api/cashouts/${cashierOwn.id}/approve`, {
      username: accountOf.cashier.username,
      password: accountOf.cashier.password,
    });
    expect(byCashier.status).toBe(403);
    const unapproved = await clients.cashier.request('POST', `/api/cashouts/${cashierOwn.id}/confirm`, { identityChecks: ['document', 'photo'] });
    expect(unapproved.status).toBe(403);
    expect(unapproved.json).toMatchObject({ error: { code: 'APPROVAL_REQUIRED' } });
    expect(stack.simulator.state.transactions().filter((tx) => tx.status === 'confirmed' && tx.amount === 500_00)).toEqual([]);
  });

  it('keeps a cashier out of another cashier\'s cash-out', async () => {
    const theirs = await newCashout(otherCashier);
    const reservedTheirs = await reservedCashout(otherCashier);
    const attempts = [
      await clients.cashier.request('GET', `/api/cashouts/${theirs.id}`),
      await clients.cashier.request('POST', `/api/cashouts/${theirs.id}/reserve`, { code: stack.simulator.state.issueCode(walletId).code }),
      await clients.cashier.request('POST', `/api/cashouts/${theirs.id}/cancel`),
      await clients.cashier.request('POST', `/api/cashouts/${reservedTheirs.id}/confirm`, { identityChecks: ['document', 'photo'] }),
    ];
    expect(attempts.map((response) => response.status)).toEqual([403, 403, 403, 403]);
    const after = await otherCashier.request('GET', `/api/cashouts/${reservedTheirs.id}`);
    expect((after.json as Cashout).status).toBe('reserved');
  });

  it('shows a cashier only their own history, and a supervisor everyone\'s', async () => {
    const theirs = await newCashout(otherCashier);
    const mine = await newCashout(clients.cashier);
    const history = async (who: ApiSession, of: Cashout) => ((await who.request('GET', `/api/cashouts?date=${dayOf(of)}`)).json as { cashouts: Cashout[] }).cashouts;
    const ownOfMyDay = await history(clients.cashier, mine);
    expect(ownOfMyDay.map((cashout) => cashout.id)).toContain(mine.id);
    expect((await history(clients.cashier, theirs)).map((cashout) => cashout.id)).not.toContain(theirs.id);
    expect(new Set(ownOfMyDay.map((cashout) => cashout.cashier))).toEqual(new Set([accountOf.cashier.username]));
    expect((await history(clients.supervisor, mine)).map((cashout) => cashout.id)).toContain(mine.id);
    expect((await history(clients.supervisor, theirs)).map((cashout) => cashout.id)).toContain(theirs.id);
  });
});

describe('shifts: whose drawer it is', () => {
  const shiftOfOther = () => otherCashier.request('GET', '/api/shifts/current');

  it("keeps a cashier out of another cashier's shift, and a supervisor's hands off a drawer that is not theirs", async () => {
    const before = (await shiftOfOther()).json;
    const move = { kind: 'drop', amount: '10.00', currency: 'EUR', reason: 'to the safe' };
    const count = { counted: [{ amount: '5000.00', currency: 'EUR' }] };
    const attempts = [
      await clients.cashier.request('POST', `/api/shifts/${shiftOf.other}/movements`, move),
      await clients.cashier.request('POST', `/api/shifts/${shiftOf.other}/close`, count),
      await clients.cashier.request('GET', `/api/shifts/${shiftOf.other}/report`),
      await clients.cashier.request('GET', `/api/shifts/${shiftOf.other}/report.csv`),
      await clients.supervisor.request('POST', `/api/shifts/${shiftOf.other}/movements`, move),
      await clients.supervisor.request('POST', `/api/shifts/${shiftOf.other}/close`, count),
      await clients.admin.request('POST', `/api/shifts/${shiftOf.other}/movements`, move),
      await clients.admin.request('POST', `/api/shifts/${shiftOf.other}/close`, count),
    ];
    expect(attempts.map((response) => [response.status, (response.json as { error?: { code: string } } | null)?.error?.code])).toEqual(
      Array.from({ length: attempts.length }, () => [403, 'FORBIDDEN']),
    );
    expect((await shiftOfOther()).json).toEqual(before);
    expect((before as { shift: { status: string } }).shift.status).toBe('open');
  });

  it("lists a cashier's own shifts only, and every shift for a supervisor", async () => {
    const today = localDate(Date.now());
    const ids = async (who: ApiSession) => ((await who.request('GET', `/api/shifts?date=${today}`)).json as { shifts: { id: string; cashier: string }[] }).shifts;
    const cashierSees = await ids(clients.cashier);
    expect(cashierSees.map((shift) => shift.id)).toContain(shiftOf.cashier);
    expect(new Set(cashierSees.map((shift) => shift.cashier))).toEqual(new Set([accountOf.cashier.username]));
    expect((await ids(clients.supervisor)).map((shift) => shift.id)).toEqual(expect.arrayContaining([shiftOf.cashier, shiftOf.other, shiftOf.admin]));
  });

  it('refuses a sign-off by the cashier of the shift, or with a cashier\'s credentials, and leaves the shift closing', async () => {
    const { session: supervisorDrawer, username } = await freshAccount('supervisor');
    const own = await openShift(supervisorDrawer, '100.00');
    await closeShift(supervisorDrawer, own, '99.00');
    const self = await supervisorDrawer.request('POST', `/api/shifts/${own}/sign-off`, { username, password: staffPassword });
    expect([self.status, (self.json as { error: { code: string } }).error.code]).toEqual([403, 'SELF_SIGN_OFF']);
    const byCashier = await clients.cashier.request('POST', `/api/shifts/${own}/sign-off`, { username: accountOf.cashier.username, password: accountOf.cashier.password });
    expect([byCashier.status, (byCashier.json as { error: { code: string } }).error.code]).toEqual([403, 'FORBIDDEN']);
    const report = (await clients.supervisor.request('GET', `/api/shifts/${own}/report`)).json as { shift: { status: string; signedOffBy: string | null } };
    expect(report.shift).toMatchObject({ status: 'closing', signedOffBy: null });
  });
});

describe('session cookie and security headers over HTTP', () => {
  const expectSecurityHeaders = (response: RawResponse, what: string) => {
    expect({ what, csp: response.headers['content-security-policy'] }).toEqual({ what, csp: contentSecurityPolicy });
    expect({ what, ...pick(response, ['x-content-type-options', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy']) }).toEqual({
      what,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(response.headers['permissions-policy']).toContain('camera=(self)');
  };

  it('sets the session cookie HttpOnly, SameSite=Strict, Path=/ and not Secure over plain HTTP', async () => {
    const response = await rawRequest(stack.origin, {
      method: 'POST',
      path: '/api/session',
      headers: { 'Content-Type': 'application/json', Origin: stack.origin },
      body: JSON.stringify({ username: accountOf.cashier.username, password: accountOf.cashier.password }),
    });
    expect(response.status).toBe(200);
    const attributes = cookieAttributes(setCookieFor(response.headers, 'kasa_session'));
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
    expect(attributes).not.toContain('secure');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('puts the security headers on API answers, errors, static files and not-found pages', async () => {
    const cookie = clients.supervisor.cookie ?? '';
    const responses: [string, RawResponse][] = [
      ['API 200', await rawRequest(stack.origin, { method: 'GET', path: '/api/config', headers: { Cookie: cookie } })],
      ['API 401', await rawRequest(stack.origin, { method: 'GET', path: '/api/config' })],
      ['API 403 CSRF', await rawRequest(stack.origin, { method: 'POST', path: '/api/cashouts', headers: { Origin: 'https://evil.example' } })],
      ['API 404', await rawRequest(stack.origin, { method: 'GET', path: '/api/nothing-here' })],
      ['index.html', await rawRequest(stack.origin, { method: 'GET', path: '/' })],
      ['deep link', await rawRequest(stack.origin, { method: 'GET', path: '/history' })],
      ['asset', await rawRequest(stack.origin, { method: 'GET', path: statics.assetPath })],
      ['missing asset', await rawRequest(stack.origin, { method: 'GET', path: '/assets/missing-123.js' })],
    ];
    expect(responses.map(([what, response]) => [what, response.status])).toEqual([
      ['API 200', 200],
      ['API 401', 401],
      ['API 403 CSRF', 403],
      ['API 404', 404],
      ['index.html', 200],
      ['deep link', 200],
      ['asset', 200],
      ['missing asset', 404],
    ]);
    for (const [what, response] of responses) expectSecurityHeaders(response, what);
    for (const [what, response] of responses.filter(([what]) => what.startsWith('API'))) {
      expect({ what, cacheControl: response.headers['cache-control'] }).toEqual({ what, cacheControl: 'no-store' });
    }
  });
});

describe('sign-in throttling', () => {
  let throttled: KasaStack;

  beforeAll(async () => {
    // About throttling, not the drawer: payouts need no shift here.
    throttled = await startKasaStack({ cashiers: 1, supervisors: 1, env: { REQUIRE_SHIFT: 'false' } });
  }, 60_000);

  afterAll(async () => {
    await throttled?.close();
  });

  it('refuses a sixth wrong password with 429 and Retry-After, and then the right one too', async () => {
    const target = account(throttled.accounts.cashiers, 0);
    const client = createApiSession(throttled.origin);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      statuses.push((await client.request('POST', '/api/session', { username: target.username, password: `wrong-password-${attempt}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const sixth = await client.request('POST', '/api/session', { username: target.username, password: 'wrong-password-6' });
    expect(sixth.status).toBe(429);
    expect(sixth.json).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(sixth.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    const right = await client.request('POST', '/api/session', { username: target.username, password: target.password });
    expect(right.status).toBe(429);
  });

  it('counts wrong approval passwords against the same throttle', async () => {
    const supervisorAccount = account(throttled.accounts.supervisors, 0);
    const wallet = throttled.simulator.state.createWallet({ EUR: 1_000_000 });
    const cashier = createApiSession(throttled.origin);
    // The cashier is locked out by the test before; an admin may pay out as well.
    await cashier.signIn(throttled.accounts.admin.username, throttled.accounts.admin.password);
    const { id } = (await cashier.request('POST', '/api/cashouts', { amount: '500.00', currency: 'EUR' })).json as Cashout;
    await cashier.request('POST', `/api/cashouts/${id}/reserve`, { code: throttled.simulator.state.issueCode(wallet).code });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      statuses.push((await cashier.request('POST', `/api/cashouts/${id}/approve`, { username: supervisorAccount.username, password: `nope-${attempt}-xx` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe('over HTTPS', () => {
  let secure: KasaStack;
  let certDir: string;

  beforeAll(async () => {
    certDir = await mkdtemp(join(tmpdir(), 'kasa-tls-'));
    const { certFile, keyFile } = selfSignedCertificate(certDir);
    secure = await startKasaStack({ cashiers: 1, supervisors: 1, env: { TLS_CERT: certFile, TLS_KEY: keyFile } });
  }, 60_000);

  afterAll(async () => {
    await secure?.close();
    if (certDir) await rm(certDir, { recursive: true, force: true });
  });

  it('marks the session cookie Secure and pins the browser with HSTS', async () => {
    expect(secure.origin.startsWith('https://')).toBe(true);
    const cashier = account(secure.accounts.cashiers, 0);
    const response = await rawRequest(secure.origin, {
      method: 'POST',
      path: '/api/session',
      headers: { 'Content-Type': 'application/json', Origin: secure.origin },
      body: JSON.stringify({ username: cashier.username, password: cashier.password }),
    });
    expect(response.status).toBe(200);
    expect(cookieAttributes(setCookieFor(response.headers, 'kasa_session'))).toEqual(
      expect.arrayContaining(['httponly', 'samesite=strict', 'path=/', 'secure']),
    );
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const failed = await rawRequest(secure.origin, { method: 'GET', path: '/api/config' });
    expect(failed.status).toBe(401);
    expect(failed.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});

function cookieAttributes(line: string | undefined): string[] {
  if (line === undefined) return [];
  return line
    .split(';')
    .slice(1)
    .map((part) => part.trim().toLowerCase());
}

function pick(response: RawResponse, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((name) => [name, response.headers[name]]));
}
