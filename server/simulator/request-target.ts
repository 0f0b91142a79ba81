import type { TLSSocket } from 'node:tls';
import type { Context } from 'hono';
import { nodeIncoming } from './node-connection.ts';

/** What the client signed besides ts, nonce and ext: wallet-api.md §2.3. */
export interface RequestTarget {
  method: string;
  requestUri: string;
  host: string;
  port: number;
}

/**
 * Taken from the request as it arrived: the request line's target unchanged (a parsed URL would
 * re-encode it) and the Host header, because that is the host and port the client connected to.
 */
export function requestTarget(c: Context): RequestTarget {
  const url = new URL(c.req.url);
  const incoming = nodeIncoming(c);
  const secure = incoming ? (incoming.socket as Partial<TLSSocket>).encrypted === true : url.protocol === 'https:';
  const authority = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(c.req.header('host') ?? url.host);
  const host = authority?.[1] ?? url.hostname;
  const port = authority?.[2] !== undefined ? Number(authority[2]) : secure ? 443 : 80;
  return {
    method: c.req.method.toUpperCase(),
    requestUri: incoming?.url ?? `${url.pathname}${url.search}`,
    host: host.toLowerCase(),
    port,
  };
}
