import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import { contentSecurityPolicy } from '../../server/http/security-headers.ts';
import { expect, test } from './support/camera-fixture.ts';
import { serveDirectory } from './support/static-server.ts';

/** Which decode worker the scanner settles on: zxing-cpp where it can run, @zxing/library where not. */
const code = '7301234567890123456789012345';

let pageDir: string;
let site: Awaited<ReturnType<typeof serveDirectory>>;

test.beforeAll(async () => {
  pageDir = await mkdtemp(join(tmpdir(), 'kasa-scanner-decoders-'));
  await build({
    configFile: false,
    root: fileURLToPath(new URL('./support/scanner-page/', import.meta.url)),
    logLevel: 'warn',
    build: { outDir: pageDir, emptyOutDir: true },
  });
  // The app's own policy on every file, worker scripts included, so the wasm must compile under it.
  site = await serveDirectory(pageDir, () => ({ 'content-security-policy': contentSecurityPolicy }));
});

test.afterAll(async () => {
  await site?.close();
  await rm(pageDir, { recursive: true, force: true });
});

function watch(page: Page): { workers: string[]; wasm: string[] } {
  const seen = { workers: [] as string[], wasm: [] as string[] };
  page.on('worker', (worker) => seen.workers.push(worker.url()));
  page.context().on('request', (request) => {
    if (request.url().endsWith('.wasm')) seen.wasm.push(request.url());
  });
  return seen;
}

async function scan(page: Page, path = '/'): Promise<void> {
  await page.goto(`${site.origin}${path}`);
  await page.evaluate(() => window.scannerTest.start());
  await expect.poll(() => page.evaluate(() => window.scannerTest.codes)).toEqual([code]);
  expect(await page.evaluate(() => window.scannerTest.problems)).toEqual([]);
}

for (const symbology of ['qrcode', 'code128'] as const) {
  test(`reads ${symbology} with zxing-cpp in the worker, its wasm loaded from the page's own origin under Kasa's CSP`, async ({ withCamera }) => {
    const { page } = await withCamera(code, symbology);
    const seen = watch(page);
    await scan(page);
    expect(seen.workers.filter((url) => url.includes('wasm-decode-worker'))).toHaveLength(1);
    expect(seen.workers.some((url) => url.includes('library-decode-worker'))).toBe(false);
    expect(seen.wasm).toHaveLength(1);
    expect(new URL(seen.wasm[0] ?? '').origin).toBe(site.origin);
  });
}

test('falls back to the @zxing/library worker where WebAssembly is missing', async ({ withCamera }) => {
  const { page } = await withCamera(code, 'code128');
  const seen = watch(page);
  await page.addInitScript(() => {
    Reflect.deleteProperty(globalThis, 'WebAssembly');
  });
  await scan(page);
  expect(seen.workers.some((url) => url.includes('library-decode-worker'))).toBe(true);
  expect(seen.workers.some((url) => url.includes('wasm-decode-worker'))).toBe(false);
  expect(seen.wasm).toEqual([]);
});

test('falls back to the @zxing/library worker when the wasm cannot be fetched', async ({ withCamera }) => {
  const { page } = await withCamera(code, 'qrcode');
  const seen = watch(page);
  await page.context().route(/\.wasm$/, (route) => route.abort());
  await scan(page);
  expect(seen.workers.some((url) => url.includes('wasm-decode-worker'))).toBe(true);
  expect(seen.workers.some((url) => url.includes('library-decode-worker'))).toBe(true);
});
