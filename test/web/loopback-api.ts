import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setPageUrl } from './page-url.ts';

export interface RecordedRequest {
  method: string;
  url: string;
  body: unknown;
}

export interface Answer {
  status?: number;
  body: unknown;
}

/**
 * A JSON API on loopback, over real HTTP, that the page under test is pointed at: every request is
 * recorded with its parsed body and answered by `answer`, so a screen's requests are read exactly
 * as sent and its answers parsed as the server's.
 */
export async function startLoopbackApi(answer: (request: RecordedRequest) => Answer) {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((incoming, response) => {
    let text = '';
    incoming.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    incoming.on('end', () => {
      const request = { method: incoming.method ?? 'GET', url: incoming.url ?? '/', body: text === '' ? undefined : JSON.parse(text) };
      requests.push(request);
      const { status = 200, body } = answer(request);
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  setPageUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  return {
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
