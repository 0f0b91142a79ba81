// @vitest-environment happy-dom
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, ApiError, NetworkError, parseErrorResponse } from '../../web/api.ts';
import { isOnline } from '../../web/connectivity.ts';
import { onSessionEnded } from '../../web/session-events.ts';
import { setPageUrl } from './page-url.ts';

describe('parseErrorResponse', () => {
  it('reads the one error shape into a typed ApiError', () => {
    const error = parseErrorResponse(422, JSON.stringify({ error: { code: 'INVALID_CODE', message: 'Bad code.', action: 'Ask again.' } }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'INVALID_CODE', message: 'Bad code.', action: 'Ask again.' });
  });

  it('fills a missing message or action from the catalogue', () => {
    const error = parseErrorResponse(409, JSON.stringify({ error: { code: 'WRONG_STATE' } }));
    expect(error.message).toBe('This cash-out cannot do that in its current state.');
    expect(error.action).toBe('Reload to see the current state.');
  });

  it('turns an unknown code or a body that is not the error shape into INTERNAL', () => {
    expect(parseErrorResponse(500, JSON.stringify({ error: { code: 'SOMETHING_NEW', message: 'x', action: 'y' } })).code).toBe('INTERNAL');
    expect(parseErrorResponse(502, '<html>Bad gateway</html>').code).toBe('INTERNAL');
    expect(parseErrorResponse(500, JSON.stringify({ error: 'flat string' })).code).toBe('INTERNAL');
  });

  it('treats a bare 401 as not signed in', () => {
    expect(parseErrorResponse(401, '').code).toBe('UNAUTHENTICATED');
  });
});

describe('api over real HTTP', () => {
  let server: Server;
  let origin: string;
  const seen: { method?: string; url?: string; contentType?: string; body: string }[] = [];

  function readBody(request: IncomingMessage): Promise<string> {
    return new Promise((resolve) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => resolve(body));
    });
  }

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      const body = await readBody(request);
      seen.push({ method: request.method, url: request.url, contentType: request.headers['content-type'], body });
      if (request.url === '/api/cashouts/c-1/reserve') {
        response.writeHead(422, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { code: 'INSUFFICIENT_FUNDS', message: 'Not enough.', action: 'Top up.' } }));
        return;
      }
      if (request.url === '/api/cashouts/c-9' || request.url === '/api/session') {
        const code = request.url === '/api/session' ? 'INVALID_CREDENTIALS' : 'UNAUTHENTICATED';
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { code, message: 'No.', action: 'Sign in.' } }));
        return;
      }
      if (request.url === '/api/cashouts') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id: 'c-2', status: 'created' }));
        return;
      }
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not here');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    setPageUrl(`${origin}/`);
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('posts JSON to the same origin and parses the answer', async () => {
    const created = await api.createCashout('50.00', 'EUR');
    expect(created).toEqual({ id: 'c-2', status: 'created' });
    const request = seen.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/api/cashouts', body: '{"amount":"50.00","currency":"EUR"}' });
    expect(request?.contentType).toContain('application/json');
  });

  it('throws the server error as ApiError', async () => {
    const failure = await api.reserve('c-1', 'some code').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 422, code: 'INSUFFICIENT_FUNDS', message: 'Not enough.' });
  });

  it('reports a lost session, and only a lost session, to whoever turns the app to sign-in', async () => {
    let ended = 0;
    const stop = onSessionEnded(() => ended++);
    await expect(api.signIn('ona', 'wrong')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(api.reserve('c-1', 'some code')).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(ended).toBe(0);
    await expect(api.cashout('c-9')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(ended).toBe(1);
    stop();
    await expect(api.cashout('c-9')).rejects.toBeInstanceOf(ApiError);
    expect(ended).toBe(1);
  });

  it('throws NetworkError when nothing answers, and marks the app offline until a request gets through', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadOrigin = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    setPageUrl(`${deadOrigin}/`);
    const failure = await api.config().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NetworkError);
    expect(isOnline()).toBe(false);

    setPageUrl(`${origin}/`);
    await api.createCashout('1.00', 'EUR');
    expect(isOnline()).toBe(true);
  });
});
