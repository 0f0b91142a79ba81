import { createServer } from 'node:http';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as it arrived on the wire. */
  rawBody: string;
  /** The client's end of the TCP connection: the same port twice means a reused connection. */
  remotePort: number | undefined;
}

export type Responder = (request: RecordedRequest, response: ServerResponse) => void;

export interface RecordingServer {
  baseUrl: string;
  port: number;
  requests: RecordedRequest[];
  /** Responders used in turn, one per request; the last one repeats. */
  respond(...responders: Responder[]): void;
  close(): Promise<void>;
}

/** A real HTTP server on loopback that records every request and answers as each test scripts it. */
export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  let responders: Responder[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
        remotePort: req.socket.remotePort,
      };
      requests.push(recorded);
      const responder = responders[Math.min(requests.length - 1, responders.length - 1)];
      if (responder) responder(recorded, res);
      else json(500, { error: 'internal_server_error' })(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/rest/v1/`,
    port,
    requests,
    respond(...next) {
      responders = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Responder {
  return (_request, response) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
}

export function text(status: number, body: string): Responder {
  return (_request, response) => {
    response.writeHead(status, { 'Content-Type': 'text/plain' });
    response.end(body);
  };
}

export const neverAnswer: Responder = () => {};

export const dropConnection: Responder = (_request, response) => {
  response.socket?.destroy();
};

export function redirectTo(location: string): Responder {
  return (_request, response) => {
    response.writeHead(307, { Location: location });
    response.end();
  };
}

/** Promises a body, sends part of it, and hangs up. */
export const cutMidBody: Responder = (_request, response) => {
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
  response.write('{"status":"con');
  setTimeout(() => response.socket?.destroy(), 20);
};
