import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import { except } from 'hono/combine';

/** Vite puts content-hashed files under /assets/: their name changes whenever their bytes do. */
const hashedAsset = /^\/assets\//;

function cacheControl(c: Context, path: string): void {
  const immutable = hashedAsset.test(c.req.path) && !path.endsWith('index.html');
  c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
}

const isApi = (c: Context) => c.req.path === '/api' || c.req.path.startsWith('/api/');

/**
 * The built PWA for every non-API GET. Extension-less paths that match no file get index.html,
 * so client-side routes deep-link; a missing asset stays a 404 instead of HTML posing as script.
 */
export function servePwa(root: string): MiddlewareHandler {
  const files = serveStatic({ root, onFound: (path, c) => cacheControl(c, path) });
  const index = serveStatic({ root, path: 'index.html', onFound: (path, c) => cacheControl(c, path) });
  const spaFallback: MiddlewareHandler = async (c, next) => {
    const lastSegment = c.req.path.split('/').pop() ?? '';
    if (lastSegment.includes('.')) return next();
    return index(c, next);
  };
  return except(isApi, files, spaFallback);
}
