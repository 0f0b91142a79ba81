import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue, type ErrorCode } from '../../shared/errors.ts';
import { localDate } from '../../shared/local-date.ts';
import { createApiSession } from '../reliability/support/api-session.ts';
import { startKasaStack, type KasaStack } from '../reliability/support/kasa-stack.ts';
import { seedFromEnv } from '../reliability/support/random.ts';
import { sized } from '../reliability/support/run-size.ts';
import { bodyArbitrary, bodyFields, shiftRequestArbitrary, type CookieChoice, echoMarker, type FuzzCase, fuzzCaseArbitrary, type OriginChoice, routes } from './support/fuzz-requests.ts';
import { type RawResponse, rawRequest } from './support/raw-http.ts';
import { createStaticFixture, type StaticFixture } from './support/static-fixture.ts';

/**
 * Hostile requests against every route over real HTTP: whatever arrives, the server answers
 * below 500, with the one error shape, without repeating the input and without leaving the
 * static root; oversized bodies get 413 and malformed JSON 400.
 */

const seed = seedFromEnv(31_337);
const runs = sized(1000, 10_000);
const maxBodyBytes = 16 * 1024;

let stack: KasaStack;
let statics: StaticFixture;
let cookies: Record<'cashier' | 'supervisor' | 'admin', string>;
let existingId: string;
/** An account and a location the admin made for the fuzz to aim at: what a case may change, if it is the admin's. */
let throwawayUser: string;
let locationId: string;
/** The cashier's open shift, which the cash-out above is paid out of. */
let shiftId: string;
let fuzzStarted: number;
let accountsBefore: unknown;

beforeAll(async () => {
  statics = await createStaticFixture();
  stack = await startKasaStack({ staticRoot: statics.root, cashiers: 1, supervisors: 1, env: { REQUIRE_SHIFT: 'true' } });
  const signedIn = async (account: { username: string; password: string }) => {
    const session = createApiSession(stack.origin);
    await session.signIn(account.username, account.password);
    return session;
  };
  const [cashierAccount, supervisorAccount] = [stack.accounts.cashiers[0], stack.accounts.supervisors[0]];
  if (!cashierAccount || !supervisorAccount) throw new Error('accounts missing');
  const cashier = await signedIn(cashierAccount);
  const supervisor = await signedIn(supervisorAccount);
  const admin = await signedIn(stack.accounts.admin);
  cookies = { cashier: cashier.cookie ?? '', supervisor: supervisor.cookie ?? '', admin: admin.cookie ?? '' };
  fuzzStarted = Date.now();
  throwawayUser = 'fuzz-target';
  const added = await admin.request('POST', '/api/users', { username: throwawayUser, role: 'cashier', password: 'fuzz-target-password' });
  const location = await admin.request('POST', '/api/locations', { name: 'Fuzz target shop' });
  if (added.status !== 201 || location.status !== 201) throw new Error(`setup: ${added.status} ${location.status}`);
  locationId = (location.json as { location: { id: string } }).location.id;
  const opened = await cashier.request('POST', '/api/shifts', { locationId, float: [{ amount: '500.00', currency: 'EUR' }] });
  if (opened.status !== 201) throw new Error(`open shift: ${opened.status} ${opened.text}`);
  shiftId = (opened.json as { shift: { id: string } }).shift.id;
  // A drawer with something in it for the arithmetic check: a pay-in, a drop and a confirmed payout.
  const payIn = await cashier.request('POST', `/api/shifts/${shiftId}/movements`, { kind: 'pay_in', amount: '50.00', currency: 'EUR', reason: 'change' });
  const drop = await cashier.request('POST', `/api/shifts/${shiftId}/movements`, { kind: 'drop', amount: '20.00', currency: 'EUR', reason: 'to the safe' });
  const created = await cashier.request('POST', '/api/cashouts', { amount: '12.34', currency: 'EUR' });
  if (payIn.status !== 201 || drop.status !== 201 || created.status !== 201) throw new Error(`setup: ${payIn.status} ${drop.status} ${created.status} ${created.text}`);
  existingId = (created.json as { id: string }).id;
  const wallet = stack.simulator.state.createWallet({ EUR: 100_000 });
  await cashier.request('POST', `/api/cashouts/${existingId}/reserve`, { code: stack.simulator.state.issueCode(wallet).code });
  const confirmed = await cashier.request('POST', `/api/cashouts/${existingId}/confirm`, { identityChecks: ['document', 'photo'] });
  if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status} ${confirmed.text}`);
  accountsBefore = await seededAccounts();
}, 60_000);

afterAll(async () => {
  await stack?.close();
  await statics?.close();
});

function cookieHeader(choice: CookieChoice, signsOut: boolean): string | undefined {
  // Signing out with a real cookie would end the shared sessions the other cases use.
  const safe = signsOut && ['cashier', 'supervisor', 'admin', 'many'].includes(choice) ? 'garbage' : choice;
  switch (safe) {
    case 'none':
      return undefined;
    case 'cashier':
    case 'supervisor':
    case 'admin':
      return cookies[safe];
    case 'garbage':
      return 'kasa_session=%%%not-a-token; theme=dark';
    case 'huge':
      return `kasa_session=${'A'.repeat(4000)}`;
    default:
      return `a=1; kasa_session=bogus; ${cookies.cashier}; kasa_session=`;
  }
}

function originHeader(choice: OriginChoice): string | undefined {
  if (choice === 'own') return stack.origin;
  if (choice === 'none') return undefined;
  if (choice === 'evil') return 'https://evil.example';
  if (choice === 'null') return 'null';
  return choice.raw;
}

function headersOf(fuzz: FuzzCase): Record<string, string> {
  const headers: Record<string, string> = { ...fuzz.extraHeaders };
  const cookie = cookieHeader(fuzz.cookie, fuzz.method === 'DELETE' && fuzz.path.startsWith('/api/session'));
  const origin = originHeader(fuzz.origin);
  if (cookie !== undefined) headers.Cookie = cookie;
  if (origin !== undefined) headers.Origin = origin;
  if (fuzz.contentType !== null) headers['Content-Type'] = fuzz.contentType;
  return headers;
}

/** Everything wrong with one answer; [] when it is an answer the server may give. */
function problemsWith(fuzz: FuzzCase, response: RawResponse): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`answered ${response.status}`);
  if (response.headers['x-content-type-options'] !== 'nosniff') problems.push('no X-Content-Type-Options: nosniff');
  if (response.body.includes(echoMarker)) problems.push('the answer repeats the request');
  if (response.body.includes(statics.outsideSecret)) problems.push('a file outside the static root was served');
  if (response.status < 400 || fuzz.method === 'HEAD') return problems;
  // The API speaks only JSON; a static file may answer a byte range it cannot serve with plain HTTP 416.
  // Dot segments are resolved before routing, as a URL parser does: /api/shifts/../../x is the static /x.
  if (response.status === 416 && !new URL(fuzz.path, 'http://kasa.invalid').pathname.startsWith('/api')) return problems;

  if (!String(response.headers['content-type'] ?? '').startsWith('application/json')) problems.push(`error with content-type ${response.headers['content-type']}`);
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return [...problems, `error body is not JSON: ${response.body.slice(0, 100)}`];
  }
  const error = (body as { error?: Record<string, unknown> }).error;
  const shaped =
    body !== null &&
    typeof body === 'object' &&
    Object.keys(body).join() === 'error' &&
    error !== undefined &&
    Object.keys(error).sort().join() === 'action,code,message' &&
    typeof error.code === 'string' &&
    typeof error.message === 'string' &&
    typeof error.action === 'string' &&
    Object.hasOwn(errorCatalogue, error.code);
  if (!shaped || !error) return [...problems, `error body has another shape: ${response.body.slice(0, 200)}`];
  if (errorCatalogue[error.code as ErrorCode].status !== response.status) problems.push(`${error.code} came with HTTP ${response.status}`);
  const said = `${error.message} ${error.action}`;
  // Words the server says of its own accord (the catalogue's text, the names of the fields a body takes) are no echo.
  const catalogueSays = `${errorCatalogue[error.code as ErrorCode].message} ${errorCatalogue[error.code as ErrorCode].action}`;
  const ownWord = (text: string) => catalogueSays.includes(text) || bodyFields.includes(text);
  const echoed = fuzz.inputs.filter((input) => input.trim().length >= 10 && said.includes(input.trim()) && !ownWord(input.trim()));
  if (echoed.length > 0) problems.push(`the error message repeats the input ${JSON.stringify(echoed[0])}`);
  return problems;
}

interface AuditEventJson {
  seq: number;
  actor: string;
  action: string;
  outcome: string;
}

/** Every audit event since the fuzz began, read as a supervisor reads them: page by page. */
async function auditSinceStart(): Promise<AuditEventJson[]> {
  const events: AuditEventJson[] = [];
  let after = 0;
  for (;;) {
    const query = `from=${new Date(fuzzStarted).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}&after=${after}`;
    const response = await rawRequest(stack.origin, { method: 'GET', path: `/api/audit?${query}`, headers: { Cookie: cookies.supervisor } });
    const page = JSON.parse(response.body) as { events: AuditEventJson[]; next: number | null };
    events.push(...page.events);
    if (page.next === null) return events;
    after = page.next;
  }
}

/** The accounts the stack started with, as the admin lists them: no fuzz case may change them. */
async function seededAccounts(): Promise<unknown> {
  const response = await rawRequest(stack.origin, { method: 'GET', path: '/api/users', headers: { Cookie: cookies.admin } });
  const seeded = new Set([...stack.accounts.cashiers, ...stack.accounts.supervisors, stack.accounts.admin].map((account) => account.username));
  return (JSON.parse(response.body) as { users: { username: string }[] }).users.filter((user) => seeded.has(user.username));
}

function shiftRequests() {
  const [cashierAccount, supervisorAccount] = [stack.accounts.cashiers[0], stack.accounts.supervisors[0]];
  if (!cashierAccount || !supervisorAccount) throw new Error('accounts missing');
  return shiftRequestArbitrary({ shiftId, locationId, credentials: [supervisorAccount, cashierAccount] });
}

async function send(fuzz: FuzzCase): Promise<RawResponse> {
  return rawRequest(stack.origin, { method: fuzz.method, path: fuzz.path, headers: headersOf(fuzz), ...(fuzz.body !== null && { body: fuzz.body }) });
}

describe(`fuzzing every route (seed ${seed}, ${runs} cases)`, () => {
  it('never answers 5xx, always with the one error shape, never repeating the input', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fuzzCaseArbitrary([existingId, throwawayUser, locationId, shiftId]), async (fuzz) => {
        const response = await send(fuzz);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect({ request: `${fuzz.method} ${fuzz.path.slice(0, 200)}`, problems: problemsWith(fuzz, response) }).toMatchObject({ problems: [] });
      }),
      { numRuns: runs, seed },
    );
    console.log(`fuzz (seed ${seed}, replay with KASA_SEED=${seed}): ${runs} cases, answers by status ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(stack.logLines.filter((line) => line.includes('unexpected error'))).toEqual([]);
    const health = await rawRequest(stack.origin, { method: 'GET', path: '/api/health' });
    expect(health.status).toBe(200);
  }, sized(240_000, 1_800_000));

  it("sends hostile bodies straight to the shift routes, on the cashier's own open shift: never a 5xx, never a wrong change", async () => {
    // Hostile bodies to any of the routes, and bodies nearly right for the route they go to.
    const hostile = fc.record({
      path: fc.constantFrom('/api/shifts', `/api/shifts/${shiftId}/movements`, `/api/shifts/${shiftId}/close`, `/api/shifts/${shiftId}/sign-off`),
      body: bodyArbitrary,
    });
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostile, shiftRequests()), fc.constantFrom<CookieChoice>('cashier', 'supervisor', 'admin'), async ({ path, body }, cookie) => {
        const fuzz: FuzzCase = { method: 'POST', path, contentType: 'application/json', cookie, origin: 'own', extraHeaders: {}, body: body?.text ?? null, inputs: body?.inputs ?? [] };
        const response = await send(fuzz);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect({ request: `POST ${path} as ${cookie}`, problems: problemsWith(fuzz, response) }).toMatchObject({ problems: [] });
        // The drawer is the cashier's: no one else's request moves cash in it or closes it, whatever the body.
        if (cookie !== 'cashier' && /\/(movements|close)$/.test(path)) expect(response.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: sized(300, 3000), seed },
    );
    console.log(`shift bodies: answers by status ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(statuses.get(400)).toBeGreaterThan(0);
  }, 120_000);

  it('sends hostile bodies straight to the account and location routes: refused to all but the admin, never a 5xx', async () => {
    const targets: [string, string][] = [
      ['POST', '/api/users'],
      ['PATCH', `/api/users/${throwawayUser}`],
      ['POST', '/api/locations'],
      ['PATCH', `/api/locations/${locationId}`],
    ];
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), bodyArbitrary, fc.constantFrom<CookieChoice>('cashier', 'supervisor', 'admin'), async ([method, path], body, cookie) => {
        const fuzz: FuzzCase = { method, path, contentType: 'application/json', cookie, origin: 'own', extraHeaders: {}, body: body?.text ?? null, inputs: body?.inputs ?? [] };
        const response = await send(fuzz);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect({ request: `${method} ${path} as ${cookie}`, problems: problemsWith(fuzz, response) }).toMatchObject({ problems: [] });
        // The size limit comes first, for everyone; then the role, before a byte of the body is read.
        const oversized = Buffer.byteLength(fuzz.body ?? '') > maxBodyBytes;
        if (oversized) expect(response.status).toBe(413);
        else if (cookie !== 'admin') expect(response.status).toBe(403);
      }),
      { numRuns: sized(300, 3000), seed },
    );
    expect(statuses.get(400)).toBeGreaterThan(0);
  }, 120_000);

  it('let only a shift\'s cashier open, move cash in or close it, and only someone else sign it off', async () => {
    const shifts = new Map<string, string>();
    for (const date of new Set([localDate(fuzzStarted), localDate(Date.now())])) {
      const response = await rawRequest(stack.origin, { method: 'GET', path: `/api/shifts?date=${date}`, headers: { Cookie: cookies.supervisor } });
      for (const shift of (JSON.parse(response.body) as { shifts: { id: string; cashier: string }[] }).shifts) shifts.set(shift.id, shift.cashier);
    }
    const events = (await auditSinceStart()).filter((event) => event.action.startsWith('shift.'));
    expect(events.length).toBeGreaterThan(0);
    const wrong = events.filter((event) => {
      const cashier = shifts.get(/shift ([0-9a-f-]{36})/.exec(event.outcome)?.[1] ?? '');
      return cashier === undefined || (event.action === 'shift.sign_off' ? event.actor === cashier : event.actor !== cashier);
    });
    expect(wrong).toEqual([]);
  });

  it("kept the fuzzed drawer's arithmetic: expected = float + pay-ins − drops − confirmed payouts, in cents", async () => {
    const response = await rawRequest(stack.origin, { method: 'GET', path: `/api/shifts/${shiftId}/report`, headers: { Cookie: cookies.supervisor } });
    type Cash = { amount: string; currency: string };
    const report = JSON.parse(response.body) as {
      shift: { float: Cash[]; expected: Cash[] };
      movements: (Cash & { kind: string })[];
      cashouts: (Cash & { status: string })[];
    };
    const cents = (amount: string) => Math.round(Number(amount) * 100);
    const sums = new Map<string, number>();
    const add = (currency: string, delta: number) => sums.set(currency, (sums.get(currency) ?? 0) + delta);
    for (const entry of report.shift.float) add(entry.currency, cents(entry.amount));
    for (const movement of report.movements) add(movement.currency, movement.kind === 'pay_in' ? cents(movement.amount) : -cents(movement.amount));
    for (const cashout of report.cashouts.filter((entry) => entry.status === 'confirmed')) add(cashout.currency, -cents(cashout.amount));
    const expected = Object.fromEntries(report.shift.expected.map((entry) => [entry.currency, cents(entry.amount)]));
    for (const [currency, total] of sums) expect({ currency, cents: expected[currency] ?? 0 }).toEqual({ currency, cents: total });
    expect(report.movements.length).toBeGreaterThanOrEqual(2);
    expect(report.cashouts.filter((entry) => entry.status === 'confirmed')).toHaveLength(1);
  });

  it('let no one but the admin change an account or a location, and left the seeded accounts as they were', async () => {
    const changes = (await auditSinceStart()).filter((event) => /^(user|location)\./.test(event.action));
    expect(changes.length).toBeGreaterThanOrEqual(2);
    expect(changes.filter((event) => event.actor !== stack.accounts.admin.username)).toEqual([]);
    expect(await seededAccounts()).toEqual(accountsBefore);
  });

  it('refuses every body over the limit with 413, whether it is sized or chunked', async () => {
    const bodyRoutes = routes.filter(([method, path]) => (method === 'POST' || method === 'PATCH') && path.startsWith('/api/'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...bodyRoutes),
        fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE'),
        fc.integer({ min: maxBodyBytes + 1, max: 256 * 1024 }),
        fc.boolean(),
        fc.constantFrom<CookieChoice>('none', 'cashier', 'garbage'),
        fc.constantFrom<OriginChoice>('own', 'none', 'evil'),
        async ([, template], method, size, chunked, cookie, origin) => {
          const headers: Record<string, string> = { 'Content-Type': 'application/json' };
          const cookieValue = cookieHeader(cookie, false);
          const originValue = originHeader(origin);
          if (cookieValue !== undefined) headers.Cookie = cookieValue;
          if (originValue !== undefined) headers.Origin = originValue;
          const body = JSON.stringify({ code: 'x'.repeat(size) });
          const response = await rawRequest(stack.origin, { method, path: template.replace(':id', existingId), headers, body, chunked });
          expect(response.status).toBe(413);
          expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
        },
      ),
      { numRuns: sized(100, 1000), seed },
    );
  }, 120_000);

  it('answers malformed JSON with 400 on every route that takes a body', async () => {
    // [method, path, who may reach the body]: the admin's routes check the role before the body.
    const jsonRoutes: [string, string, keyof typeof cookies][] = [
      ['POST', '/api/session', 'cashier'],
      ['POST', '/api/cashouts', 'cashier'],
      ['POST', `/api/cashouts/${existingId}/reserve`, 'cashier'],
      ['POST', `/api/cashouts/${existingId}/approve`, 'cashier'],
      ['POST', `/api/cashouts/${existingId}/confirm`, 'cashier'],
      ['POST', '/api/locations', 'admin'],
      ['PATCH', `/api/locations/${locationId}`, 'admin'],
      ['POST', '/api/users', 'admin'],
      ['PATCH', `/api/users/${throwawayUser}`, 'admin'],
      ['POST', '/api/shifts', 'cashier'],
      ['POST', `/api/shifts/${shiftId}/movements`, 'cashier'],
      ['POST', `/api/shifts/${shiftId}/close`, 'cashier'],
      ['POST', `/api/shifts/${shiftId}/sign-off`, 'cashier'],
    ];
    const malformed = fc
      .oneof(
        fc.json().map((text) => text.slice(0, -1)),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.json().map((text) => `${text}}`),
        fc.json().map((text) => `{${text}`),
      )
      .filter((text) => {
        try {
          JSON.parse(text);
          return false;
        } catch {
          return true;
        }
      });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...jsonRoutes), malformed, fc.constantFrom('application/json', 'application/json; charset=utf-8'), async ([method, path, who], body, contentType) => {
        const response = await rawRequest(stack.origin, {
          method,
          path,
          headers: { 'Content-Type': contentType, Cookie: cookies[who], Origin: stack.origin },
          body,
        });
        expect(response.status).toBe(400);
        expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
      }),
      { numRuns: sized(200, 2000), seed },
    );
  }, 120_000);
});
