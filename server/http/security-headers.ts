import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

/**
 * No inline script or style anywhere: the PWA is built to run under this policy. 'wasm-unsafe-eval'
 * lets the decode worker compile zxing-cpp's WebAssembly (served from 'self'); it allows no eval()
 * of JavaScript.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const headers: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    // HSTS over plain HTTP would be ignored at best; only what the browser receives over TLS (directly
    // or through a TLS-terminating proxy) may pin it to HTTPS.
    if (c.get('https') === true) {
      c.res.headers.set('Strict-Transport-Security', 'max-age=31536000');
    }
  };
}

/** API answers carry money state and must never be served from a cache. */
export function noStore(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  };
}
