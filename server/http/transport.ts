import type { MiddlewareHandler } from 'hono';
import { forwardedClientAddress } from './client-address.ts';
import type { AppEnv } from './env.ts';
import { proxyMatcher } from './trusted-proxies.ts';

export interface TransportOptions {
  /** CIDR blocks of the reverse proxies whose X-Forwarded-For is believed. */
  trustProxy: readonly string[];
  publicOrigin: string | null;
}

/**
 * Works out, once per request, who the client is and whether the browser sees HTTPS. Behind a
 * TLS-terminating proxy the socket is plain HTTP, but an https PUBLIC_ORIGIN says what the browser
 * sees, and that decides the cookie's Secure flag and HSTS.
 */
export function describeTransport(options: TransportOptions): MiddlewareHandler<AppEnv> {
  const trusted = proxyMatcher(options.trustProxy);
  const publicHttps = options.publicOrigin?.startsWith('https:') ?? false;
  return async (c, next) => {
    const peer = c.env?.incoming?.socket.remoteAddress;
    c.set('clientAddress', peer === undefined ? 'unknown' : forwardedClientAddress(peer, c.req.header('X-Forwarded-For'), trusted));
    c.set('https', publicHttps || new URL(c.req.url).protocol === 'https:');
    await next();
  };
}
