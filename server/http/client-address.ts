import type { Context } from 'hono';
import type { AppEnv } from './env.ts';

/**
 * The peer address of the TCP connection. Forwarded headers are not trusted: any client could
 * set them to dodge the per-address sign-in throttle.
 */
export function clientAddress<E extends AppEnv>(c: Context<E>): string {
  return c.env?.incoming?.socket.remoteAddress ?? 'unknown';
}
