import type { IncomingMessage } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context } from 'hono';

/** The Node request behind a Hono context, when served by @hono/node-server (absent for `app.request`). */
export function nodeIncoming(c: Context): IncomingMessage | undefined {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  return env.incoming as IncomingMessage;
}

/** Kills the TCP connection so the client sees a network failure, not an HTTP answer. */
export function dropConnection(c: Context): Response {
  const incoming = nodeIncoming(c);
  if (!incoming) throw new Error('connection faults need a real HTTP server (startSimulator)');
  incoming.socket.destroy();
  return RESPONSE_ALREADY_SENT;
}
