import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, errorOf, startHarness, type Harness } from './harness.ts';

let h: Harness;
let dist = '';

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'kasa-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Kasa</title>');
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dist, 'assets', 'index-B1x2y3Z4.js'), 'console.log("app");');
  h = await startHarness({ staticRoot: dist });
});
afterAll(async () => {
  await h?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('serving the built PWA', () => {
  it('serves index.html at / without caching, with the security headers', async () => {
    const response = await call(h, 'GET', '/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('<title>Kasa</title>');
  });

  it('caches hashed assets for a year and revalidates sw.js', async () => {
    const asset = await call(h, 'GET', '/assets/index-B1x2y3Z4.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('Content-Type')).toMatch(/javascript/);
    expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    const worker = await call(h, 'GET', '/sw.js');
    expect(worker.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('falls back to index.html for client routes, not for missing files', async () => {
    const route = await call(h, 'GET', '/history/today');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Kasa</title>');
    expect(route.headers.get('Cache-Control')).toBe('no-cache');
    const missing = await call(h, 'GET', '/assets/gone-123.js');
    expect(missing.status).toBe(404);
  });

  it('never answers an API path with the app', async () => {
    const response = await call(h, 'GET', '/api/unknown');
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never serves a file outside the root', async () => {
    for (const path of ['/assets/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/assets/..%5c..%5cetc%5cpasswd']) {
      const response = await call(h, 'GET', path);
      expect(await response.text()).not.toContain('root:');
    }
  });
});
