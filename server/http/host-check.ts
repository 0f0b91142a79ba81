import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { errorResponse } from './errors.ts';
import { unmapIpv4 } from './trusted-proxies.ts';

export interface HostCheckOptions {
  /** The configured HOST: a name there (e.g. kasa.lan) is one of the server's own. */
  host: string;
  publicOrigin: string | null;
}

const wildcards = new Set(['0.0.0.0', '::', '[::]']);
const loopbackNames = ['localhost', '127.0.0.1', '[::1]'];

const hostName = (address: string) => (address.includes(':') ? `[${address}]` : address);

/** The Host values a browser sends for this server on this socket: the name or address it dialled, with the port. */
function ownHosts(localAddress: string | undefined, localPort: number | undefined, configuredHost: string): Set<string> {
  const names = [...loopbackNames];
  if (localAddress !== undefined) names.push(hostName(unmapIpv4(localAddress)));
  if (!wildcards.has(configuredHost)) names.push(hostName(configuredHost.replace(/^\[|\]$/g, '')));
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${localPort}`.toLowerCase());
    // Browsers leave the default port out of Host.
    if (localPort === 80 || localPort === 443) hosts.add(name.toLowerCase());
  }
  return hosts;
}

/**
 * Refuses a request whose Host is neither the server's own address nor PUBLIC_ORIGIN's host,
 * before any route runs. Without it, a page on evil.example whose name was re-pointed at this
 * server (DNS rebinding) would be same-origin with itself and pass the Origin check.
 * `app.request()` in tests has no socket and so no network peer to rebind: it passes.
 */
export function hostCheck(options: HostCheckOptions): MiddlewareHandler<AppEnv> {
  const publicHost = options.publicOrigin === null ? null : new URL(options.publicOrigin).host;
  return async (c, next) => {
    const socket = c.env?.incoming?.socket;
    if (!socket) return next();
    const host = c.req.header('Host')?.toLowerCase();
    if (host !== undefined && (host === publicHost || ownHosts(socket.localAddress, socket.localPort, options.host).has(host))) {
      return next();
    }
    return errorResponse(c, 'UNKNOWN_HOST');
  };
}
