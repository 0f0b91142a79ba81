import type { Server } from 'node:http';
import type { Server as HttpsServer } from 'node:https';

/**
 * Returns a close function for the server: stop accepting, let requests in flight finish, close
 * keep-alive connections as soon as they fall idle, and cut whatever is still open at the deadline.
 */
export function gracefulCloser(server: Server | HttpsServer, deadlineMs: number): () => Promise<void> {
  let closing = false;
  server.on('request', (_request, response) => {
    response.on('finish', () => {
      if (closing) server.closeIdleConnections();
    });
  });
  return () =>
    new Promise<void>((resolve) => {
      closing = true;
      const deadline = setTimeout(() => server.closeAllConnections(), deadlineMs);
      server.close(() => {
        clearTimeout(deadline);
        resolve();
      });
      server.closeIdleConnections();
    });
}
