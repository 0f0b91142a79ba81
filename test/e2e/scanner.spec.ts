import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { chromiumLaunchOptions, chromiumPath } from './support/browser.ts';
import { expect, test } from './support/camera-fixture.ts';
import { serveDirectory } from './support/static-server.ts';

/** The shape of the one real reservation code seen so far: 28 digits. */
const code = '7301234567890123456789012345';

let pageDir: string;
let site: Awaited<ReturnType<typeof serveDirectory>>;

test.beforeAll(async () => {
  pageDir = await mkdtemp(join(tmpdir(), 'kasa-scanner-page-'));
  await build({
    configFile: false,
    root: fileURLToPath(new URL('./support/scanner-page/', import.meta.url)),
    logLevel: 'warn',
    build: { outDir: pageDir, emptyOutDir: true },
  });
  site = await serveDirectory(pageDir, (path): Record<string, string> =>
    path === '/camera-blocked' ? { 'permissions-policy': 'camera=()' } : {},
  );
});

test.afterAll(async () => {
  await site?.close();
  await rm(pageDir, { recursive: true, force: true });
});

for (const symbology of ['qrcode', 'code128'] as const) {
  test(`reads a 28-digit ${symbology} from the camera once, in a worker`, async ({ withCamera }) => {
    const { page } = await withCamera(code, symbology);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(site.origin);
    await page.evaluate(() => window.scannerTest.start());
    await expect.poll(() => page.evaluate(() => window.scannerTest.codes)).toEqual([code]);
    await page.evaluate(() => window.scannerTest.frames(30));
    expect(await page.evaluate(() => window.scannerTest.codes)).toEqual([code]);
    expect(await page.evaluate(() => window.scannerTest.problems)).toEqual([]);
    expect(workers.some((url) => url.includes('decode-worker'))).toBe(true);
  });
}

test('falls back to @zxing/browser on the page thread where workers are unavailable', async ({ withCamera }) => {
  const { page } = await withCamera(code, 'code128');
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.addInitScript(() => {
    Reflect.deleteProperty(window, 'Worker');
  });
  await page.goto(site.origin);
  await page.evaluate(() => window.scannerTest.start());
  await expect.poll(() => page.evaluate(() => window.scannerTest.codes)).toEqual([code]);
  expect(workers).toEqual([]);
});

/** A code with a finder-like shape in its data: stock @zxing/library 0.21 never reads it (qr-finder.ts). */
const codeWithFalseFinder = '2941198148893542039133853353';

for (const thread of ['worker', 'page thread'] as const) {
  test(`reads a QR code whose data looks like a corner marker, in the ${thread} decoder`, async ({ withCamera }) => {
    const { page } = await withCamera(codeWithFalseFinder, 'qrcode');
    if (thread === 'page thread') {
      await page.addInitScript(() => {
        Reflect.deleteProperty(window, 'Worker');
      });
    }
    await page.goto(site.origin);
    await page.evaluate(() => window.scannerTest.start());
    await expect.poll(() => page.evaluate(() => window.scannerTest.codes)).toEqual([codeWithFalseFinder]);
  });
}

test('uses the platform BarcodeDetector where it reads QR and Code 128, and loads no ZXing worker', async ({ withCamera }) => {
  const { page } = await withCamera(code, 'code128');
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(`${site.origin}/?detector=full`);
  await page.evaluate(() => window.scannerTest.start());
  await expect.poll(() => page.evaluate(() => window.scannerTest.codes)).toEqual([code]);
  expect(await page.evaluate(() => window.scannerTest.detectorUse.detectCalls)).toBeGreaterThan(0);
  expect(workers).toEqual([]);
});

for (const mode of ['qr-only', 'broken'] as const) {
  test(`falls back to the ZXing worker from a BarcodeDetector that is ${mode === 'qr-only' ? 'without Code 128' : 'failing'}`, async ({ withCamera }) => {
    const { page } = await withCamera(code, 'code128');
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(`${site.origin}/?detector=${mode}`);
    await page.evaluate(() => window.scannerTest.start());
    await expect.poll(() => page.evaluate(() => window.scannerTest.codes)).toEqual([code]);
    expect(workers.some((url) => url.includes('decode-worker'))).toBe(true);
    expect(await page.evaluate(() => window.scannerTest.problems)).toEqual([]);
    const use = await page.evaluate(() => window.scannerTest.detectorUse);
    // Without Code 128 the detector is never built; a failing one was tried, then dropped.
    if (mode === 'qr-only') expect(use).toEqual({ constructed: 0, detectCalls: 0 });
    else expect(use.detectCalls).toBeGreaterThan(0);
  });
}

test('stop() and a hidden page end every camera track', async ({ withCamera }) => {
  const { page } = await withCamera(code, 'code128');
  await page.goto(site.origin);

  await page.evaluate(() => window.scannerTest.start());
  expect(await page.evaluate(() => window.scannerTest.stream()?.getVideoTracks()[0]?.readyState)).toBe('live');
  const stoppedByCall = await page.evaluate(() => {
    const stream = window.scannerTest.stream();
    window.scannerTest.handle?.stop();
    window.scannerTest.handle?.stop();
    return { states: stream?.getTracks().map((track) => track.readyState), attached: window.scannerTest.stream() !== null };
  });
  expect(stoppedByCall).toEqual({ states: ['ended'], attached: false });

  await page.evaluate(() => window.scannerTest.start());
  const stoppedByHiding = await page.evaluate(() => {
    const stream = window.scannerTest.stream();
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    return stream?.getTracks().map((track) => track.readyState);
  });
  expect(stoppedByHiding).toEqual(['ended']);
});

test('lists cameras and switches to one, closing the old stream; the fake camera has no torch', async ({ withCamera }) => {
  const { page } = await withCamera(code, 'code128');
  await page.goto(site.origin);
  await page.evaluate(() => window.scannerTest.start());
  await expect.poll(() => page.evaluate(() => window.scannerTest.codes)).toEqual([code]);
  const cameras = await page.evaluate(() => window.scannerTest.handle?.cameras());
  expect(cameras?.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.scannerTest.handle?.torchSupported())).toBe(false);

  const switched = await page.evaluate(async (deviceId) => {
    const before = window.scannerTest.stream();
    await window.scannerTest.handle?.switchCamera(deviceId);
    const after = window.scannerTest.stream();
    return { oldTracks: before?.getTracks().map((track) => track.readyState), replaced: after !== null && after !== before };
  }, cameras?.[0]?.deviceId ?? '');
  expect(switched).toEqual({ oldTracks: ['ended'], replaced: true });
  await page.evaluate(() => window.scannerTest.frames(5));
  expect(await page.evaluate(() => window.scannerTest.stream()?.getVideoTracks()[0]?.readyState)).toBe('live');
  await page.evaluate(() => window.scannerTest.handle?.setTorch(true));
  expect(await page.evaluate(() => window.scannerTest.problems)).toEqual([]);
});

test('reports permission_denied when the page may not use the camera', async ({ withCamera }) => {
  const { page } = await withCamera(code, 'code128');
  await page.goto(`${site.origin}/camera-blocked`);
  await page.evaluate(() => window.scannerTest.start());
  expect(await page.evaluate(() => window.scannerTest.problems)).toEqual(['permission_denied']);
  expect(await page.evaluate(() => window.scannerTest.stream())).toBeNull();
});

test('reports insecure_context on plain http from a non-local host', async () => {
  const { executablePath, args = [] } = chromiumLaunchOptions();
  const browser = await chromium.launch({ executablePath, args: [...args, '--host-resolver-rules=MAP kasa.test 127.0.0.1'] });
  try {
    const page = await browser.newPage();
    await page.goto(site.origin.replace('127.0.0.1', 'kasa.test'));
    await page.evaluate(() => window.scannerTest.start());
    expect(await page.evaluate(() => window.scannerTest.problems)).toEqual(['insecure_context']);
  } finally {
    await browser.close();
  }
});

test('reports no_camera when the device has none', async () => {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--use-fake-ui-for-media-stream', '--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(site.origin);
    await page.evaluate(() => window.scannerTest.start());
    expect(await page.evaluate(() => window.scannerTest.problems)).toEqual(['no_camera']);
  } finally {
    await browser.close();
  }
});
