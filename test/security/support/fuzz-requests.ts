import fc from 'fast-check';

/**
 * fast-check arbitraries for hostile requests against every route of design §3 and §3.1 and the static
 * files: wrong-shaped, oversized, malformed and unicode bodies, odd headers, cookies and origins,
 * traversal and mis-encoded paths, garbage query strings. Strings that matter carry `echoMarker`,
 * so an answer that repeats the input back is easy to spot.
 */

export const echoMarker = 'Zq9ECHO7x';

export type CookieChoice = 'none' | 'cashier' | 'supervisor' | 'admin' | 'garbage' | 'huge' | 'many';
export type OriginChoice = 'own' | 'none' | 'evil' | 'null' | { raw: string };

export interface FuzzCase {
  method: string;
  path: string;
  contentType: string | null;
  cookie: CookieChoice;
  origin: OriginChoice;
  extraHeaders: Record<string, string>;
  body: string | null;
  /** The strings put into the request, to check that no error message repeats them. */
  inputs: string[];
}

/** [method, path template]; `:id` is replaced by a fuzzed path segment. */
export const routes: readonly (readonly [string, string])[] = [
  ['POST', '/api/session'],
  ['GET', '/api/session'],
  ['DELETE', '/api/session'],
  ['GET', '/api/config'],
  ['POST', '/api/cashouts'],
  ['GET', '/api/cashouts'],
  ['GET', '/api/cashouts/:id'],
  ['POST', '/api/cashouts/:id/reserve'],
  ['POST', '/api/cashouts/:id/approve'],
  ['POST', '/api/cashouts/:id/confirm'],
  ['POST', '/api/cashouts/:id/cancel'],
  ['GET', '/api/reports/daily'],
  ['GET', '/api/audit'],
  ['GET', '/api/audit.csv'],
  ['GET', '/api/audit/verify'],
  ['GET', '/api/health'],
  ['GET', '/api/locations'],
  ['POST', '/api/locations'],
  ['PATCH', '/api/locations/:id'],
  ['GET', '/api/users'],
  ['POST', '/api/users'],
  ['PATCH', '/api/users/:id'],
  ['POST', '/api/shifts'],
  ['GET', '/api/shifts'],
  ['GET', '/api/shifts/current'],
  ['POST', '/api/shifts/:id/movements'],
  ['POST', '/api/shifts/:id/close'],
  ['POST', '/api/shifts/:id/sign-off'],
  ['GET', '/api/shifts/:id/report'],
  ['GET', '/api/shifts/:id/report.csv'],
  ['GET', '/'],
  ['GET', '/index.html'],
  ['GET', '/assets/:id'],
  ['GET', '/:id'],
  ['GET', '/:id/:id'],
];

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

const percentEncodedBytes = fc
  .uint8Array({ minLength: 1, maxLength: 24 })
  .map((bytes) => [...bytes].map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`).join(''));

const traversal = fc.constantFrom(
  '..',
  '../..',
  '../../secret.txt',
  '..%2Fsecret.txt',
  '%2e%2e',
  '%2E%2E%2Fkasa.sqlite',
  '..%5Csecret.txt',
  '%252e%252e%252fsecret.txt',
  '%C0%AE%C0%AE%2Fsecret.txt',
  '....//secret.txt',
  '%00',
  'index.html%00.js',
  '%',
  '%ZZ',
  '%E0%A4%A',
  '.',
  '',
);

/** Percent-encoded as a client would, so any text can stand on the request line. */
const encoded = (text: string): string => encodeURIComponent(text).replace(/'/g, '%27');

function segmentArbitrary(existingIds: readonly string[]): fc.Arbitrary<{ segment: string; input: string | null }> {
  return fc.oneof(
    fc.constantFrom(...existingIds).map((segment) => ({ segment, input: null })),
    fc.uuid().map((id) => ({ segment: id, input: null })),
    fc.string({ unit: 'grapheme', maxLength: 40 }).map((text) => ({ segment: encoded(`${echoMarker}${text}`), input: `${echoMarker}${text}` })),
    fc.string({ unit: 'grapheme-ascii', minLength: 1000, maxLength: 3000 }).map((text) => ({ segment: encoded(text), input: text })),
    traversal.map((segment) => ({ segment, input: null })),
    percentEncodedBytes.map((segment) => ({ segment, input: null })),
    fc.nat().map((n) => ({ segment: String(n), input: null })),
  );
}

export interface Fuzzed {
  text: string;
  /** The generated strings inside `text`. */
  inputs: string[];
}

const fixed = (text: string): Fuzzed => ({ text, inputs: [] });

const queryArbitrary: fc.Arbitrary<Fuzzed> = fc.oneof(
  fc.constant(fixed('')),
  fc
    .constantFrom('?date=2026-02-30', '?date=yesterday', '?date=', '?from=2026-11-27&to=2026-11-26', '?from=%00', '?to=9999-99-99T99:99', '?date=2026-11-26&date=x')
    .map(fixed),
  fc
    .dictionary(fc.constantFrom('date', 'from', 'to', 'limit', 'locationId', 'x', '__proto__', 'constructor'), fc.string({ unit: 'grapheme', maxLength: 30 }), { maxKeys: 4 })
    .map((pairs) => {
      const values = Object.values(pairs).map((value) => `${echoMarker}${value}`);
      const entries = Object.keys(pairs).map((key, i) => `${encoded(key)}=${encoded(values[i] ?? '')}`);
      return { text: entries.length === 0 ? '' : `?${entries.join('&')}`, inputs: values };
    }),
);

const contentTypes = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/vnd.kasa+json',
  'application/jsonx',
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  '',
  'application/json; charset=utf-16',
];

const printable = fc.string({ unit: 'grapheme-ascii', maxLength: 60 });

/** The fields the API's bodies take; a validation message may name them (never a key the client made up). */
export const bodyFields = [
  'amount',
  'currency',
  'code',
  'username',
  'password',
  'identityChecks',
  'name',
  'payseraLocationId',
  'disabled',
  'role',
  'locationId',
  'float',
  'counted',
  'kind',
  'reason',
];

const roleLike = fc.oneof(fc.constantFrom('cashier', 'supervisor', 'admin', 'Admin', 'root', ''), fc.integer(), fc.constant(null));

function markedStringOf(maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: 'grapheme', maxLength }).map((text) => `${echoMarker}${text}`);
}

const markedString = markedStringOf(30);

/** Amounts as a careless or hostile client sends them: negative, fractional cents, exponents, numbers; and right ones. */
const amountLike = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 200_000 }).map((cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`) },
  { weight: 2, arbitrary: fc.constantFrom('0.00', '0', '-5.00', '0.001', '1e3', '99999999999.99', ' 10.00', '10,00', 'NaN', '') },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.integer(), markedStringOf(10)) },
);

const cashListLike = fc.oneof(
  fc.array(fc.record({ amount: amountLike, currency: fc.oneof(fc.constantFrom('EUR', 'USD', 'eur', ''), markedStringOf(5)) }, { requiredKeys: [] }), { maxLength: 4 }),
  fc.jsonValue(),
);

const wrongShapes: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom(...bodyFields), fc.oneof(fc.jsonValue(), markedString), { maxKeys: 6 }),
  fc.record({ amount: fc.oneof(fc.double(), fc.integer(), markedString), currency: fc.oneof(fc.integer(), markedString, fc.constant('EUR')) }),
  fc.record({ code: fc.oneof(fc.array(fc.integer()), fc.integer(), markedString, fc.string({ unit: 'grapheme', minLength: 200, maxLength: 400 })) }),
  fc.record({ username: fc.oneof(markedString, fc.object()), password: fc.oneof(markedString, fc.integer(), fc.constant(null)) }),
  fc.record(
    {
      name: fc.oneof(markedString, fc.string({ unit: 'grapheme', minLength: 70, maxLength: 120 }), fc.constantFrom('', '   ', '\u0000'), fc.integer()),
      payseraLocationId: fc.oneof(markedString, fc.constant(null), fc.constant(''), printable, fc.integer()),
      disabled: fc.oneof(fc.boolean(), fc.constantFrom('true', 0, 1, null)),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      username: fc.oneof(markedString, fc.constantFrom('a', 'x'.repeat(40), 'root user', '..', 'admin-1')),
      role: roleLike,
      password: fc.oneof(markedString, fc.string({ maxLength: 9 }), fc.string({ minLength: 257, maxLength: 300 }), fc.constant(null)),
      disabled: fc.oneof(fc.boolean(), fc.constant('yes')),
    },
    { requiredKeys: [] },
  ),
  fc.record({ locationId: fc.oneof(markedString, fc.uuid(), fc.integer()), float: cashListLike }, { requiredKeys: [] }),
  fc.record(
    {
      kind: fc.oneof(fc.constantFrom('pay_in', 'drop', 'payout', 'PAY_IN'), markedString),
      amount: amountLike,
      currency: fc.constantFrom('EUR', 'XXX', ''),
      reason: fc.oneof(markedString, fc.constantFrom('', '   '), fc.string({ minLength: 190, maxLength: 230 })),
    },
    { requiredKeys: [] },
  ),
  fc.record({ counted: cashListLike }),
  fc.record({
    identityChecks: fc.oneof(
      fc.constant('document'),
      fc.constant(true),
      fc.constant(null),
      fc.array(fc.oneof(markedString, fc.constantFrom('document', 'photo')), { maxLength: 4 }),
    ),
  }),
);

function stringsIn(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      stringsIn(item, out);
    }
  }
  return out;
}

/** A body, or null for none. */
export const bodyArbitrary: fc.Arbitrary<Fuzzed | null> = fc.oneof(
  fc.constant(null),
  wrongShapes.map((value) => ({ text: JSON.stringify(value) ?? 'null', inputs: stringsIn(value, []) })),
  fc.nat({ max: 6000 }).map((depth) => fixed(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
  fc.nat({ max: 3000 }).map((depth) => fixed(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)),
  fc.integer({ min: 16 * 1024, max: 64 * 1024 }).map((size) => fixed(JSON.stringify({ code: 'x'.repeat(size) }))),
  fc.json().map((text) => fixed(text.slice(0, Math.max(0, text.length - 1)))),
  fc
    .constantFrom('{', '{"amount":', "{'amount':'1'}", 'NaN', '\uFEFF{}', '{"a":1,}', '\u0000', '[1,2', 'null', '""', 'true', '{"__proto__":{"role":"admin"},"amount":"10.00"}')
    .map(fixed),
  printable.map((text) => ({ text: `${echoMarker}${text}`, inputs: [`${echoMarker}${text}`] })),
);

const cookieArbitrary = fc.constantFrom<CookieChoice>('none', 'cashier', 'supervisor', 'admin', 'garbage', 'huge', 'many');

// Mostly the right origin, so that most cases get past the CSRF check to the handlers.
const originArbitrary: fc.Arbitrary<OriginChoice> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<OriginChoice>('own') },
  { weight: 1, arbitrary: fc.constantFrom<OriginChoice>('none', 'evil', 'null') },
  { weight: 1, arbitrary: printable.map((raw) => ({ raw })) },
);

const oddHeaders = fc.record(
  {
    Accept: fc.constantFrom('*/*', 'text/html', 'application/json', 'image/avif'),
    'Accept-Language': printable,
    'Content-Encoding': fc.constantFrom('gzip', 'br', 'identity', 'x-unknown'),
    'X-Forwarded-For': fc.constantFrom('1.2.3.4', '::1', 'not-an-ip', '127.0.0.1, 10.0.0.1'),
    Host: fc.constantFrom('kasa.example', 'evil.test:8443', '[::1]', '127.0.0.1:1'),
    Range: fc.constantFrom('bytes=0-3', 'bytes=-1', 'bytes=999999-', 'garbage'),
    'If-None-Match': printable,
  },
  { requiredKeys: [] },
);

const extraHeadersArbitrary = fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: oddHeaders });

/** `existingIds`: ids that name something real (a cash-out, a throwaway account, a location), so cases reach past the lookup. */
export function fuzzCaseArbitrary(existingIds: readonly string[]): fc.Arbitrary<FuzzCase> {
  const segment = segmentArbitrary(existingIds);
  return fc
    .record({
      route: fc.constantFrom(...routes),
      otherMethod: fc.option(fc.constantFrom(...methods), { freq: 5 }),
      segments: fc.tuple(segment, segment),
      query: queryArbitrary,
      contentType: fc.option(fc.oneof(fc.constantFrom(...contentTypes), printable), { freq: 6 }),
      cookie: cookieArbitrary,
      origin: originArbitrary,
      extraHeaders: extraHeadersArbitrary,
      body: bodyArbitrary,
    })
    .map(({ route, otherMethod, segments, query, contentType, cookie, origin, extraHeaders, body }) => {
      const [method, template] = route;
      let used = 0;
      const path = template.replace(/:id/g, () => segments[used++ % 2]?.segment ?? '');
      const segmentInputs = segments.slice(0, used).flatMap(({ input }) => (input === null ? [] : [input]));
      const fuzz: FuzzCase = {
        method: otherMethod ?? method,
        path: `${path}${query.text}`,
        contentType,
        cookie,
        origin,
        extraHeaders,
        body: body?.text ?? null,
        inputs: [...segmentInputs, ...query.inputs, ...(body?.inputs ?? [])],
      };
      // A counterexample can hold 60 KB of body; a summary is what a reader needs.
      return Object.defineProperty(fuzz, fc.toStringMethod, { value: () => summary(fuzz), enumerable: false });
    });
}

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…(${text.length} chars)` : text);

function summary(fuzz: FuzzCase): string {
  const body = fuzz.body === null ? 'no body' : `body ${JSON.stringify(clip(fuzz.body, 160))}`;
  return `${fuzz.method} ${clip(fuzz.path, 200)} content-type=${JSON.stringify(fuzz.contentType)} cookie=${fuzz.cookie} origin=${JSON.stringify(fuzz.origin)} headers=${JSON.stringify(fuzz.extraHeaders)} ${body}`;
}

export interface ShiftFuzzTargets {
  shiftId: string;
  locationId: string;
  /** Real credentials a sign-off may carry: a supervisor's, the shift's cashier's. */
  credentials: readonly { username: string; password: string }[];
}

/**
 * POSTs to the shift routes with bodies that are mostly right, one field off at a time, so that
 * most cases get past the schema into the desk: odd amounts, other currencies, a real or a
 * made-up location, real credentials or a wrong password. Mostly cash moving in and out of the
 * drawer; now and then a close, which ends that.
 */
export function shiftRequestArbitrary({ shiftId, locationId, credentials }: ShiftFuzzTargets): fc.Arbitrary<{ path: string; body: Fuzzed }> {
  const cash = fc.array(fc.record({ amount: amountLike, currency: fc.constantFrom('EUR', 'USD', 'GBP') }), { maxLength: 3 });
  const to = (path: string, bodies: fc.Arbitrary<unknown>) => bodies.map((value) => ({ path, body: { text: JSON.stringify(value), inputs: stringsIn(value, []) } }));
  return fc.oneof(
    {
      weight: 6,
      arbitrary: to(
        `/api/shifts/${shiftId}/movements`,
        fc.record({ kind: fc.constantFrom('pay_in', 'drop'), amount: amountLike, currency: fc.constantFrom('EUR', 'USD'), reason: fc.oneof(markedString, fc.constant('float top-up')) }),
      ),
    },
    { weight: 2, arbitrary: to('/api/shifts', fc.record({ locationId: fc.oneof(fc.constant(locationId), fc.uuid(), markedString), float: cash })) },
    {
      weight: 2,
      arbitrary: to(
        `/api/shifts/${shiftId}/sign-off`,
        fc.oneof(fc.constantFrom(...credentials), fc.record({ username: fc.constantFrom(...credentials.map((entry) => entry.username)), password: markedString })),
      ),
    },
    { weight: 1, arbitrary: to(`/api/shifts/${shiftId}/close`, fc.record({ counted: cash })) },
  );
}
