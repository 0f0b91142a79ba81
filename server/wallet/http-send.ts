import http from 'node:http';
import https from 'node:https';

export interface SendInit {
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
}

export interface SentResponse {
  status: number;
  text: string;
  correlationId?: string;
}

/** One HTTP exchange: resolves with the whole answer, rejects on anything that leaves it open. */
export type HttpSend = (url: string, init: SendInit) => Promise<SentResponse>;

/** A redirect would replay a signed write somewhere else: it is refused, like a network error. */
export class RedirectRefused extends Error {
  override readonly name = 'RedirectRefused';
}

/**
 * Kept-alive connections: a TLS handshake per Wallet call would cost more than the call. An idle
 * one is dropped after 4 s, before a server's usual 5 s keep-alive closes it under a new request
 * (which would then fail as "outcome unknown" and need a read-back). The timeout touches only idle
 * connections; a call in flight is bounded by WALLET_TIMEOUT_MS.
 */
const idleMs = 4_000;
const agents = {
  'http:': new http.Agent({ keepAlive: true, timeout: idleMs }),
  'https:': new https.Agent({ keepAlive: true, timeout: idleMs }),
};

/**
 * node:http instead of the global fetch: under load the fetch machinery (WHATWG streams, Request
 * and Response objects) cost a fifth of the server's time (BENCHMARKS.md §3). The body goes out
 * with its Content-Length, exactly the bytes that were hashed.
 */
export const sendWithNodeHttp: HttpSend = (url, init) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const headers = init.body === undefined ? init.headers : { ...init.headers, 'Content-Length': String(Buffer.byteLength(init.body)) };
    const request = client.request(target, { method: init.method, headers, agent: agents[target.protocol as keyof typeof agents], signal: init.signal }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        response.resume();
        reject(new RedirectRefused(`redirect (HTTP ${status}) refused`));
        return;
      }
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const correlationId = response.headers['paysera-correlation-id'];
        resolve({ status, text: Buffer.concat(chunks).toString('utf8'), ...(typeof correlationId === 'string' && { correlationId }) });
      });
      // A connection cut mid-answer ends without 'end'; the promise must not wait for ever.
      response.on('close', () => {
        if (!response.complete) reject(new Error('connection closed before the whole answer arrived'));
      });
    });
    request.on('error', reject);
    request.end(init.body);
  });
