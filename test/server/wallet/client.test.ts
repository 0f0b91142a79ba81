import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWalletClient, reserveCodeField } from '../../../server/wallet/client.ts';
import type { WalletClientOptions } from '../../../server/wallet/client.ts';
import { WalletError, WalletOutcomeUnknown } from '../../../server/wallet/errors.ts';
import { macOf, normalizedString, parseMacHeader } from '../../../server/wallet/mac.ts';
import { cutMidBody, dropConnection, json, neverAnswer, redirectTo, startRecordingServer, text } from './recording-server.ts';
import type { RecordedRequest, RecordingServer } from './recording-server.ts';

const clientId = 'kasa-test';
const macKey = 'test-mac-key-0123456789abcdef';
const code = '0155567464130298871198969060';
const localMs = 1_700_000_000_123;

function payseraTransaction(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    transaction_key: 'TX1',
    status: 'new',
    created_at: 1_700_000_000,
    project_id: 19019492,
    payments: [{ id: 7, price: 5000, currency: 'EUR', price_decimal: '50.00', parameters: { kasa_operation_id: 'op-1' } }],
    ...fields,
  };
}

let server: RecordingServer;
let sleeps: number[];
let events: unknown[];

beforeEach(async () => {
  server = await startRecordingServer();
  sleeps = [];
  events = [];
});

afterEach(async () => {
  await server.close();
});

function client(overrides: Partial<WalletClientOptions> = {}) {
  return createWalletClient({
    baseUrl: server.baseUrl,
    clientId,
    macKey,
    timeoutMs: 2000,
    now: () => localMs,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    onEvent: (e) => events.push(e),
    ...overrides,
  });
}

/** Checks the request the way Paysera would: from the raw bytes and the request line, with the shared key. */
function expectValidMac(request: RecordedRequest): { ts: number; nonce: string; ext: string } {
  const header = parseMacHeader(request.headers.authorization);
  if (!header) throw new Error('no MAC Authorization header');
  expect(header.id).toBe(clientId);
  const normalized = normalizedString({
    ts: Number(header.ts),
    nonce: header.nonce,
    method: request.method,
    requestUri: request.url,
    host: '127.0.0.1',
    port: server.port,
    ext: header.ext,
  });
  expect(header.mac).toBe(macOf(normalized, macKey));
  return { ts: Number(header.ts), nonce: header.nonce, ext: header.ext };
}

function sha256Base64(raw: string): string {
  return createHash('sha256').update(Buffer.from(raw, 'utf8')).digest('base64');
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('signing and request bytes', () => {
  it('create sends exactly the bytes it hashed, as JSON, and reads the transaction back camel-cased', async () => {
    server.respond(json(200, payseraTransaction()));
    const tx = await client().createTransaction({ amountCents: 5000, currency: 'EUR', description: 'Cash withdrawal – ąčę', reserveForSeconds: 300, operationId: 'op-1' });

    const [request] = server.requests;
    if (!request) throw new Error('no request');
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/rest/v1/transaction');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.rawBody)).toEqual({
      payments: [{ description: 'Cash withdrawal – ąčę', price: 5000, currency: 'EUR', parameters: { kasa_operation_id: 'op-1' } }],
      reserve: { for: 300 },
    });
    const { ts, ext } = expectValidMac(request);
    expect(ext).toBe(`body_hash=${encodeURIComponent(sha256Base64(request.rawBody))}`);
    expect(ts).toBe(Math.floor(localMs / 1000));
    expect(tx).toEqual({
      key: 'TX1',
      status: 'new',
      createdAt: 1_700_000_000,
      operationId: 'op-1',
      payments: [{ id: 7, priceCents: 5000, currency: 'EUR' }],
    });
  });

  it('puts project and location ids into ext after body_hash', async () => {
    server.respond(json(200, payseraTransaction({ status: 'confirmed', confirmed_at: 1_700_000_050 })));
    await client({ extParams: { project_id: '19019492', location_id: '77' } }).getTransaction('TX1');
    const [request] = server.requests;
    if (!request) throw new Error('no request');
    expect(expectValidMac(request).ext).toBe('project_id=19019492&location_id=77');
  });

  it('reserves with the code in the one named field and encodes the key as a path segment', async () => {
    server.respond(json(200, payseraTransaction({ transaction_key: 'a/b c', status: 'reserved', type: 'reservation_code', wallet: 14471 })));
    const tx = await client().reserveWithCode('a/b c', code);
    const [request] = server.requests;
    if (!request) throw new Error('no request');
    expect(request.method).toBe('PUT');
    expect(request.url).toBe('/rest/v1/transaction/a%2Fb%20c/reserve');
    expect(request.rawBody).toBe(JSON.stringify({ [reserveCodeField]: code }));
    expect(reserveCodeField).toBe('code');
    expectValidMac(request);
    expect(tx).toMatchObject({ key: 'a/b c', status: 'reserved', type: 'reservation_code', walletId: 14471 });
  });

  it('confirms and revokes without a body or body_hash', async () => {
    server.respond(json(200, payseraTransaction({ status: 'confirmed', confirmed_at: 1_700_000_050 })), json(200, payseraTransaction({ status: 'revoked' })));
    expect((await client().confirmTransaction('TX1')).confirmedAt).toBe(1_700_000_050);
    expect((await client().revokeTransaction('TX1')).status).toBe('revoked');
    const [confirm, revoke] = server.requests;
    if (!confirm || !revoke) throw new Error('missing requests');
    expect([confirm.method, confirm.url, confirm.rawBody]).toEqual(['PUT', '/rest/v1/transaction/TX1/confirm', '']);
    expect([revoke.method, revoke.url, revoke.rawBody]).toEqual(['DELETE', '/rest/v1/transaction/TX1', '']);
    expect(expectValidMac(confirm).ext).toBe('');
    expect(expectValidMac(revoke).ext).toBe('');
  });

  it('lists with the filter in the signed query and unwraps the array', async () => {
    server.respond(json(200, { transactions: [payseraTransaction(), payseraTransaction({ transaction_key: 'TX2', status: 'reserved' })] }));
    const list = await client().listTransactions({ status: ['new', 'reserved'], from: 1_699_990_000, to: 1_700_000_000, limit: 50, offset: 0 });
    const [request] = server.requests;
    if (!request) throw new Error('no request');
    expect(request.url).toBe('/rest/v1/transactions?status=new,reserved&from=1699990000&to=1700000000&limit=50&offset=0');
    expectValidMac(request);
    expect(list.map((t) => t.key)).toEqual(['TX1', 'TX2']);
  });

  it("reads a wallet signed, once, and takes the holder's name from account.owner_display_name", async () => {
    server.respond(json(200, { id: 14471, owner: 221, account: { number: 'EVP0010001000101', owner_display_name: 'John Doe', description: 'x', ibans: ['LT1'] } }));
    expect(await client().getWallet(14471)).toEqual({ id: 14471, holderName: 'John Doe' });
    const [request] = server.requests;
    if (!request) throw new Error('no request');
    expect(request).toMatchObject({ method: 'GET', url: '/rest/v1/wallet/14471' });
    expectValidMac(request);
  });

  it('a wallet answered without the name (no wallet_list permission) has holderName null', async () => {
    server.respond(json(200, { id: 14471, owner: 221, account: { number: 'EVP0010001000101' } }));
    expect(await client().getWallet(14471)).toEqual({ id: 14471, holderName: null });
  });

  it('a wallet read that fails is not repeated', async () => {
    server.respond(json(503, { error: 'internal_server_error' }));
    await expect(client().getWallet(14471)).rejects.toBeInstanceOf(WalletOutcomeUnknown);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('keeps the connection alive between calls', async () => {
    server.respond(json(200, { time: 1_700_000_100 }));
    const wallet = client();
    await wallet.syncClock();
    await wallet.syncClock();
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.remotePort).toBe(server.requests[0]?.remotePort);
  });

  it('reads the server time without signing and stores the offset', async () => {
    server.respond(json(200, { time: 1_700_000_100 }));
    const wallet = client();
    expect(await wallet.syncClock()).toBe(100);
    expect(wallet.clockOffsetSeconds()).toBe(100);
    expect(server.requests[0]?.url).toBe('/rest/v1/server');
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe('unknown outcomes', () => {
  it('a call that gets no answer in time is an unknown outcome', async () => {
    server.respond(neverAnswer);
    const error = await rejection(client({ timeoutMs: 200 }).confirmTransaction('TX1'));
    expect(error).toBeInstanceOf(WalletOutcomeUnknown);
    expect((error as WalletOutcomeUnknown).operation).toBe('confirm');
    expect((error as WalletOutcomeUnknown).reason).toMatch(/timeout/);
    expect(server.requests).toHaveLength(1);
  });

  it('a dropped connection on reserve is an unknown outcome that names neither code nor key', async () => {
    server.respond(dropConnection);
    const error = await rejection(client().reserveWithCode('TX1', code));
    expect(error).toBeInstanceOf(WalletOutcomeUnknown);
    expect((error as WalletOutcomeUnknown).reason).toMatch(/network error/);
    const everything = `${String(error)} ${JSON.stringify(events)}`;
    expect(everything).not.toContain(code);
    expect(everything).not.toContain(macKey);
    expect(server.requests).toHaveLength(1);
  });

  it('a redirect on a write is an unknown outcome and is not followed', async () => {
    server.respond(redirectTo(`${server.baseUrl}transaction/TX1/confirm`));
    const error = await rejection(client().confirmTransaction('TX1'));
    expect(error).toBeInstanceOf(WalletOutcomeUnknown);
    expect((error as WalletOutcomeUnknown).reason).toMatch(/redirect/);
    expect(server.requests).toHaveLength(1);
  });

  it('an answer cut off in the middle of its body is an unknown outcome, not a wait for ever', async () => {
    server.respond(cutMidBody);
    const error = await rejection(client({ timeoutMs: 5_000 }).confirmTransaction('TX1'));
    expect(error).toBeInstanceOf(WalletOutcomeUnknown);
    expect((error as WalletOutcomeUnknown).reason).toMatch(/network error/);
    expect(server.requests).toHaveLength(1);
  });

  it.each([500, 502])('HTTP %i on a write is an unknown outcome and the write is not re-sent', async (status) => {
    server.respond(json(status, { error: 'internal_server_error' }));
    const error = await rejection(client().createTransaction({ amountCents: 100, currency: 'EUR', description: 'x', reserveForSeconds: 300, operationId: 'op-2' }));
    expect(error).toBeInstanceOf(WalletOutcomeUnknown);
    expect((error as WalletOutcomeUnknown).reason).toBe(`HTTP ${status}`);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('an unreadable 2xx body is an unknown outcome, not a failure', async () => {
    server.respond(text(200, '<html>maintenance</html>'));
    const error = await rejection(client().confirmTransaction('TX1'));
    expect(error).toBeInstanceOf(WalletOutcomeUnknown);
    expect(server.requests).toHaveLength(1);
  });

  it('a 2xx create body without a transaction is an unknown outcome', async () => {
    server.respond(json(200, {}));
    const error = await rejection(client().createTransaction({ amountCents: 100, currency: 'EUR', description: 'x', reserveForSeconds: 300, operationId: 'op-3' }));
    expect(error).toBeInstanceOf(WalletOutcomeUnknown);
    expect((error as WalletOutcomeUnknown).operation).toBe('create');
  });
});

describe('read retries', () => {
  it('retries a read twice with backoff, then succeeds', async () => {
    server.respond(json(503, {}), dropConnection, json(200, payseraTransaction()));
    const tx = await client().getTransaction('TX1');
    expect(tx.key).toBe('TX1');
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([500, 750]);
    const nonces = server.requests.map((r) => expectValidMac(r).nonce);
    expect(new Set(nonces).size).toBe(3);
  });

  it('gives up after two retries with an unknown outcome', async () => {
    server.respond(json(500, {}));
    const error = await rejection(client().listTransactions());
    expect(error).toBeInstanceOf(WalletOutcomeUnknown);
    expect((error as WalletOutcomeUnknown).operation).toBe('list');
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('makes one attempt only when the caller runs its own read-back schedule', async () => {
    server.respond(json(503, {}), json(200, payseraTransaction()));
    const error = await rejection(client().getTransaction('TX1', { retry: false }));
    expect(error).toBeInstanceOf(WalletOutcomeUnknown);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('does not retry a read that Paysera answered with an error', async () => {
    server.respond(json(404, { error: 'not_found', error_description: 'Transaction not found' }));
    const error = await rejection(client().getTransaction('missing'));
    expect(error).toBeInstanceOf(WalletError);
    expect((error as WalletError).code).toBe('NOT_FOUND');
    expect(server.requests).toHaveLength(1);
  });
});

describe('clock resync on invalid_timestamp', () => {
  it('syncs once and re-signs the write with a new ts and nonce', async () => {
    server.respond(
      json(401, { error: 'invalid_timestamp', error_description: 'Timestamp lifetime exceeded' }),
      json(200, { time: 1_700_000_600 }),
      json(200, payseraTransaction()),
    );
    const wallet = client();
    const tx = await wallet.createTransaction({ amountCents: 5000, currency: 'EUR', description: 'x', reserveForSeconds: 300, operationId: 'op-1' });
    expect(tx.key).toBe('TX1');
    const [first, sync, retry] = server.requests;
    if (!first || !sync || !retry) throw new Error('missing requests');
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /rest/v1/transaction', 'GET /rest/v1/server', 'POST /rest/v1/transaction']);
    const before = expectValidMac(first);
    const after = expectValidMac(retry);
    expect(after.nonce).not.toBe(before.nonce);
    expect(after.ts).toBe(1_700_000_600);
    expect(retry.rawBody).toBe(first.rawBody);
    expect(wallet.clockOffsetSeconds()).toBe(600);
  });

  it('a second invalid_timestamp is not retried again and is an operator problem', async () => {
    server.respond(
      json(401, { error: 'invalid_timestamp' }),
      json(200, { time: 1_700_000_600 }),
      json(401, { error: 'invalid_timestamp' }),
    );
    const error = await rejection(client().confirmTransaction('TX1'));
    expect(error).toBeInstanceOf(WalletError);
    expect((error as WalletError).code).toBe('WALLET_MISCONFIGURED');
    expect(server.requests).toHaveLength(3);
  });
});

describe('reserve/confirm/revoke responses without a transaction', () => {
  it.each([
    ['an empty object', json(200, {})],
    ['an empty body', text(200, '')],
  ])('confirm answered with %s is followed by a read', async (_name, responder) => {
    server.respond(responder, json(200, payseraTransaction({ status: 'confirmed', confirmed_at: 1_700_000_050 })));
    const tx = await client().confirmTransaction('TX1');
    expect(tx.status).toBe('confirmed');
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['PUT /rest/v1/transaction/TX1/confirm', 'GET /rest/v1/transaction/TX1']);
  });

  it('a failed read-back after a write is an unknown outcome of the write', async () => {
    server.respond(json(200, {}), json(500, {}));
    const error = await rejection(client().revokeTransaction('TX1'));
    expect(error).toBeInstanceOf(WalletOutcomeUnknown);
    expect((error as WalletOutcomeUnknown).operation).toBe('revoke');
    expect(server.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });
});

describe('Paysera error bodies', () => {
  it('maps a refused reserve, keeps the correlation id and never echoes the code', async () => {
    server.respond(
      json(400, { error: 'invalid_request', error_description: `Invalid reservation code ${code}` }, { 'paysera-correlation-id': 'corr-42' }),
    );
    const error = await rejection(client().reserveWithCode('TX1', code));
    expect(error).toBeInstanceOf(WalletError);
    const walletError = error as WalletError;
    expect([walletError.code, walletError.walletError, walletError.httpStatus, walletError.correlationId]).toEqual(['INVALID_CODE', 'invalid_request', 400, 'corr-42']);
    expect(walletError.description).toBe('Invalid reservation code [redacted]');
    expect(`${walletError.message} ${JSON.stringify(events)}`).not.toContain(code);
  });

  it('not_found on reserve is an invalid code', async () => {
    server.respond(json(404, { error: 'not_found' }));
    const error = await rejection(client().reserveWithCode('TX1', code));
    expect((error as WalletError).code).toBe('INVALID_CODE');
  });

  it('a wrong key is a configuration problem even on reserve', async () => {
    server.respond(json(401, { error: 'unauthorized', error_description: 'Authentication failed' }));
    const error = await rejection(client().reserveWithCode('TX1', code));
    expect((error as WalletError).code).toBe('WALLET_MISCONFIGURED');
  });

  it('an error status without a readable body is still classified by its status', async () => {
    server.respond(text(429, 'slow down'));
    const error = await rejection(client().getTransaction('TX1'));
    expect(error).toBeInstanceOf(WalletError);
    expect([(error as WalletError).code, (error as WalletError).walletError]).toEqual(['RATE_LIMITED', 'http_429']);
    expect(server.requests).toHaveLength(1);
  });
});

describe('events', () => {
  it('reports each attempt with operation, duration, outcome and status', async () => {
    let clock = 0;
    server.respond(json(503, {}), json(200, payseraTransaction()));
    await client({ now: () => (clock += 7) }).getTransaction('TX1');
    expect(events).toEqual([
      { op: 'get', ms: 7, outcome: 'unknown', status: 503, error: 'HTTP 503' },
      { op: 'get', ms: 7, outcome: 'ok', status: 200 },
    ]);
  });

  it('tells a refusal from an open outcome', async () => {
    server.respond(json(404, { error: 'not_found' }));
    await rejection(client().getTransaction('TX1'));
    expect(events).toEqual([{ op: 'get', ms: expect.any(Number), outcome: 'refused', status: 404, error: 'not_found' }]);
  });
});
