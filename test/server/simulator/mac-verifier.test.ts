import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../server/simulator/index.ts';
import type { RunningSimulator } from '../../../server/simulator/index.ts';
import { generateNonce, signRequest } from '../../../server/wallet/mac.ts';
import { clientId, clients, createPayment, createTransactionKey, macKey, signedFetch } from './signed-fetch.ts';

let sim: RunningSimulator;
const createBody = JSON.stringify(createPayment(100));

beforeAll(async () => {
  sim = await startSimulator({ clients: { ...clients, other: 'another-key' }, controlEnabled: false });
});

afterAll(async () => {
  await sim.close();
});

async function errorOf(response: Response): Promise<{ status: number; body: unknown }> {
  return { status: response.status, body: await response.json() };
}

/** Sends bytes exactly as written, so the request line and Host header are under the test's control. */
function rawRequest(head: string, body = ''): Promise<string> {
  const { port } = new URL(sim.origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(`${head}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`));
    let reply = '';
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
    });
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
  });
}

describe('MAC verification accepts', () => {
  it('a correctly signed request, with or without a content type', async () => {
    expect((await signedFetch(sim, { method: 'POST', path: '/rest/v1/transaction', body: createBody })).status).toBe(200);
    const key = await createTransactionKey(sim, 100);
    expect((await signedFetch(sim, { method: 'GET', path: `/rest/v1/transaction/${key}` })).status).toBe(200);
  });

  it('a query signed verbatim, percent-escapes untouched', async () => {
    const path = '/rest/v1/transactions?status=new%2Creserved&limit=%32';
    expect((await signedFetch(sim, { method: 'GET', path })).status).toBe(200);
  });

  it('the Host header as connected, with any ext parameters after body_hash', async () => {
    const ts = sim.clock.nowSeconds();
    const nonce = generateNonce();
    const { port } = new URL(sim.origin);
    const url = `http://localhost:${port}/rest/v1/transaction`;
    const authorization = signRequest({ method: 'POST', url, body: createBody, clientId, macKey, ts, nonce, extParams: { project_id: '19019492' } });
    const reply = await rawRequest(`POST /rest/v1/transaction HTTP/1.1\r\nhost: LOCALHOST:${port}\r\nauthorization: ${authorization}`, createBody);
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('the request target as sent, not as a URL parser would re-encode it', async () => {
    const { port } = new URL(sim.origin);
    const target = "/rest/v1/transactions?note='x'";
    expect(new URL(`${sim.origin}${target}`).search).not.toBe("?note='x'");
    const authorization = signRequest({ method: 'GET', url: `${sim.origin}${target}`, clientId, macKey, ts: sim.clock.nowSeconds(), nonce: generateNonce() });
    const reply = await rawRequest(`GET ${target} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nauthorization: ${authorization}`);
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('port 80 when the Host header has none', async () => {
    const ts = sim.clock.nowSeconds();
    const authorization = signRequest({ method: 'GET', url: 'http://wallet.example/rest/v1/transactions', clientId, macKey, ts, nonce: generateNonce() });
    const reply = await rawRequest(`GET /rest/v1/transactions HTTP/1.1\r\nhost: wallet.example\r\nauthorization: ${authorization}`);
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe('MAC verification refuses', () => {
  it('a body changed after signing', async () => {
    const tampered = createBody.replace('"price":100', '"price":900');
    expect(tampered).not.toBe(createBody);
    const response = await signedFetch(sim, { method: 'POST', path: '/rest/v1/transaction', body: tampered, signedBody: createBody });
    expect(await errorOf(response)).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
  });

  it('a body without body_hash in ext', async () => {
    const response = await signedFetch(sim, { method: 'POST', path: '/rest/v1/transaction', body: createBody, signedBody: null });
    expect(await errorOf(response)).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
  });

  it('a ts six minutes old', async () => {
    const response = await signedFetch(sim, { method: 'POST', path: '/rest/v1/transaction', body: createBody, ts: sim.clock.nowSeconds() - 360 });
    expect(await errorOf(response)).toEqual({ status: 401, body: { error: 'invalid_timestamp', error_description: 'Timestamp lifetime exceeded' } });
  });

  it('a ts six minutes ahead', async () => {
    const response = await signedFetch(sim, { method: 'GET', path: '/rest/v1/transactions', ts: sim.clock.nowSeconds() + 360 });
    expect(await errorOf(response)).toEqual({ status: 401, body: { error: 'invalid_timestamp', error_description: 'Timestamp is in future' } });
  });

  it('follows the simulator clock, not the wall clock', async () => {
    const realTs = Math.floor(Date.now() / 1000);
    sim.clock.advance(3600);
    try {
      const response = await signedFetch(sim, { method: 'GET', path: '/rest/v1/transactions', ts: realTs });
      expect(await errorOf(response)).toMatchObject({ status: 401, body: { error: 'invalid_timestamp' } });
      expect((await signedFetch(sim, { method: 'GET', path: '/rest/v1/transactions' })).status).toBe(200);
    } finally {
      sim.clock.advance(-3600);
    }
  });

  it('a replayed nonce, per client', async () => {
    const nonce = generateNonce();
    expect((await signedFetch(sim, { method: 'POST', path: '/rest/v1/transaction', body: createBody, nonce })).status).toBe(200);
    const replay = await signedFetch(sim, { method: 'POST', path: '/rest/v1/transaction', body: createBody, nonce });
    expect(await errorOf(replay)).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    expect((await signedFetch(sim, { method: 'GET', path: '/rest/v1/transactions', nonce, clientId: 'other', macKey: 'another-key' })).status).toBe(200);
  });

  it('a byte-identical replay of a whole request', async () => {
    const ts = sim.clock.nowSeconds();
    const nonce = generateNonce();
    const send = () => signedFetch(sim, { method: 'GET', path: '/rest/v1/transactions', ts, nonce });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(401);
  });

  it('a wrong mac', async () => {
    const response = await signedFetch(sim, { method: 'GET', path: '/rest/v1/transactions', macKey: 'not-the-key' });
    expect(await errorOf(response)).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
  });

  it('an unknown client', async () => {
    const response = await signedFetch(sim, { method: 'GET', path: '/rest/v1/transactions', clientId: 'stranger' });
    expect(await errorOf(response)).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
  });

  it('a missing or non-MAC Authorization header', async () => {
    for (const authorization of [null, 'Bearer abc', 'MAC id="kasa-test"']) {
      const response = await signedFetch(sim, { method: 'GET', path: '/rest/v1/transactions', authorization });
      expect(await errorOf(response)).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
      expect(response.headers.get('paysera-correlation-id')).toMatch(/\S/);
    }
  });

  it('a signature over another path, method or query', async () => {
    const ts = sim.clock.nowSeconds();
    const signed = (method: string, path: string) =>
      signRequest({ method, url: `${sim.origin}${path}`, clientId, macKey, ts, nonce: generateNonce() });
    const cases = [
      { method: 'GET', path: '/rest/v1/transactions?limit=5', authorization: signed('GET', '/rest/v1/transactions?limit=6') },
      { method: 'GET', path: '/rest/v1/transactions?status=new%2Creserved', authorization: signed('GET', '/rest/v1/transactions?status=new,reserved') },
      { method: 'DELETE', path: '/rest/v1/transaction/AAAAAAAAAAAAAAAAAAAA', authorization: signed('GET', '/rest/v1/transaction/AAAAAAAAAAAAAAAAAAAA') },
    ];
    for (const c of cases) expect((await signedFetch(sim, c)).status).toBe(401);
  });

  it('a signature for another host or port', async () => {
    const { port } = new URL(sim.origin);
    const ts = sim.clock.nowSeconds();
    for (const url of [`http://127.0.0.2:${port}/rest/v1/transactions`, `http://127.0.0.1:${Number(port) + 1}/rest/v1/transactions`]) {
      const authorization = signRequest({ method: 'GET', url, clientId, macKey, ts, nonce: generateNonce() });
      expect((await signedFetch(sim, { method: 'GET', path: '/rest/v1/transactions', authorization })).status).toBe(401);
    }
  });

  it('refuses before touching state', async () => {
    const before = sim.state.transactions().length;
    await signedFetch(sim, { method: 'POST', path: '/rest/v1/transaction', body: createBody, macKey: 'wrong' });
    expect(sim.state.transactions().length).toBe(before);
  });
});
