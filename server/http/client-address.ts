import { isIP } from 'node:net';
import type { Context } from 'hono';
import type { AppEnv } from './env.ts';
import { type ProxyMatcher, unmapIpv4 } from './trusted-proxies.ts';

/**
 * The client behind a connection. X-Forwarded-For is read only when the TCP peer is a trusted
 * proxy, and then from the right: each trusted proxy appends the address it got the request
 * from, so the right-most entry that is not a trusted proxy is the first one no client could
 * have written. Anything to its left is whatever the client chose to send.
 */
export function forwardedClientAddress(peer: string, forwardedFor: string | undefined, trusted: ProxyMatcher): string {
  let client = unmapIpv4(peer);
  if (!trusted(client) || forwardedFor === undefined) return client;
  const hops = forwardedFor.split(',').map((hop) => hop.trim());
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hopAddress(hops[i] ?? '');
    // A hop that is no address means the proxy passed something odd along; the last trusted one is all we know.
    if (hop === null) break;
    client = hop;
    if (!trusted(hop)) break;
  }
  return client;
}

/** "203.0.113.7", "203.0.113.7:5123", "2001:db8::1" or "[2001:db8::1]:5123" → the bare address. */
function hopAddress(hop: string): string | null {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(hop);
  const address = unmapIpv4(bracketed?.[1] ?? withPort?.[1] ?? hop);
  return isIP(address) === 0 ? null : address;
}

/** The client address the transport middleware worked out; 'unknown' when the app runs without a socket. */
export function clientAddress<E extends AppEnv>(c: Context<E>): string {
  return c.get('clientAddress') ?? 'unknown';
}
