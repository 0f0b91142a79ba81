import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWalletClient } from '../../../server/wallet/client.ts';
import { bodyHash, macOf, normalizedString, parseMacHeader } from '../../../server/wallet/mac.ts';
import type { CallScope, WalletClient } from '../../../server/wallet/types.ts';
import { json, type RecordedRequest, type RecordingServer, startRecordingServer } from './recording-server.ts';

/** The Paysera location a call is signed for: the configured one, or the one the call names (a cash-out's shift's). */

const clientId = 'kasa-test';
const macKey = 'test-mac-key-0123456789abcdef';
const transaction = { transaction_key: 'TX1', status: 'reserved', created_at: 1_700_000_000, wallet: 14471, payments: [{ price: 5000, currency: 'EUR' }] };
const walletAccount = { id: 14471, account: { owner_display_name: 'John Doe' } };

let server: RecordingServer;

beforeEach(async () => {
  server = await startRecordingServer();
});

afterEach(async () => {
  await server.close();
});

function client(extParams?: Record<string, string>): WalletClient {
  return createWalletClient({ baseUrl: server.baseUrl, clientId, macKey, timeoutMs: 2000, now: () => 1_700_000_000_000, ...(extParams && { extParams }) });
}

/** The ext of a request whose MAC checks out the way Paysera checks it, from the request line and the shared key. */
function signedExt(request: RecordedRequest): string {
  const header = parseMacHeader(request.headers.authorization);
  if (!header) throw new Error('no MAC Authorization header');
  const normalized = normalizedString({ ts: Number(header.ts), nonce: header.nonce, method: request.method, requestUri: request.url, host: '127.0.0.1', port: server.port, ext: header.ext });
  expect(header.mac).toBe(macOf(normalized, macKey));
  return header.ext;
}

/** Every Wallet call a cash-out makes, each with the scope given. */
const calls: Array<[string, (wallet: WalletClient, scope: CallScope | undefined) => Promise<unknown>]> = [
  ['create', (wallet, scope) => wallet.createTransaction({ amountCents: 5000, currency: 'EUR', description: 'Cash withdrawal', reserveForSeconds: 900, operationId: 'op-1' }, scope)],
  ['get', (wallet, scope) => wallet.getTransaction('TX1', { retry: false, ...scope })],
  ['reserve', (wallet, scope) => wallet.reserveWithCode('TX1', '0155567464130298871198969060', scope)],
  ['confirm', (wallet, scope) => wallet.confirmTransaction('TX1', scope)],
  ['revoke', (wallet, scope) => wallet.revokeTransaction('TX1', scope)],
  ['list', (wallet, scope) => wallet.listTransactions({ status: ['new'] }, scope)],
  ['wallet', (wallet, scope) => wallet.getWallet(14471, scope)],
];

function answerFor(name: string) {
  if (name === 'list') return json(200, { transactions: [transaction] });
  if (name === 'wallet') return json(200, walletAccount);
  return json(200, transaction);
}

/** What ext must say besides the body hash, which a request with a body carries first. */
function expectedExt(request: RecordedRequest, rest: string): string {
  const hash = request.rawBody === '' ? [] : [`body_hash=${encodeURIComponent(bodyHash(request.rawBody))}`];
  return [...hash, ...(rest === '' ? [] : [rest])].join('&');
}

describe('per-call location in the MAC ext', () => {
  it.each(calls)('%s: a named location replaces location_id, project_id stays', async (name, call) => {
    server.respond(answerFor(name));
    await call(client({ project_id: '19019492', location_id: '77' }), { locationId: 'LOC-7' });
    const [request] = server.requests;
    if (!request) throw new Error('no request');
    expect(signedExt(request)).toBe(expectedExt(request, 'project_id=19019492&location_id=LOC-7'));
  });

  it.each(calls)('%s: without one, or with null, the configured location_id is signed', async (name, call) => {
    server.respond(answerFor(name));
    const wallet = client({ project_id: '19019492', location_id: '77' });
    await call(wallet, undefined);
    await call(wallet, { locationId: null });
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) expect(signedExt(request)).toBe(expectedExt(request, 'project_id=19019492&location_id=77'));
  });

  it('signs the named location alone when none is configured, and no ext at all without one', async () => {
    server.respond(json(200, transaction));
    await client().confirmTransaction('TX1', { locationId: 'LOC 7/ä' });
    await client().confirmTransaction('TX1');
    const [named, plain] = server.requests;
    if (!named || !plain) throw new Error('missing requests');
    expect(signedExt(named)).toBe(`location_id=${encodeURIComponent('LOC 7/ä')}`);
    expect(signedExt(plain)).toBe('');
  });

  it('reads a write’s outcome back signed for the same location', async () => {
    server.respond(json(200, {}), json(200, { ...transaction, status: 'confirmed', confirmed_at: 1_700_000_050 }));
    expect(await client({ project_id: '19019492', location_id: '77' }).confirmTransaction('TX1', { locationId: 'LOC-7' })).toMatchObject({ status: 'confirmed' });
    expect(server.requests.map((request) => [request.method, signedExt(request)])).toEqual([
      ['PUT', 'project_id=19019492&location_id=LOC-7'],
      ['GET', 'project_id=19019492&location_id=LOC-7'],
    ]);
  });
});
