import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect } from '@playwright/test';
import { renderBarcode } from '../test/e2e/support/barcode-image.ts';
import { cameraPermissions, chromiumLaunchOptions } from '../test/e2e/support/browser.ts';
import { checkIdentity, signIn, typeAmount } from '../test/e2e/support/cashier.ts';
import { startKasa } from '../test/e2e/support/serve.ts';
import { walletWithCode } from '../test/e2e/support/wallets.ts';
import { writeCameraVideo } from '../test/e2e/support/y4m.ts';
import { ensureDist } from './support/dist.ts';
import type { ResultRow } from './support/results.ts';
import { runIfStarted } from './support/standalone.ts';
import { ms, summarise } from './support/stats.ts';

const rounds = Number(process.env.BENCH_FIRST_SCAN_ROUNDS ?? 3);

/**
 * The first scan of a page's life in the real app, where zxing-cpp's worker and wasm must be
 * fetched and compiled: amount submitted → verify screen (cash-out created, camera opened, code
 * read, reserved). "Cold": a new browser profile, nothing cached. "Service worker": the same
 * profile relaunched after that visit, so the scanner chunk and the wasm come from the precache.
 * The camera shows the code from its first frame.
 */
async function firstScan(origin: string, profile: string, videoFile: string, cashier: { username: string; password: string }): Promise<number> {
  const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(videoFile), baseURL: origin, permissions: cameraPermissions });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    const signInForm = page.getByTestId('login-username');
    await signInForm.or(page.getByTestId('amount-display')).waitFor();
    if (await signInForm.isVisible()) await signIn(page, cashier);
    await typeAmount(page, '5.00');
    const start = Date.now();
    await page.getByTestId('amount-submit').click();
    await page.getByTestId('verify-screen').waitFor({ state: 'visible', timeout: 15_000 });
    const elapsed = Date.now() - start;
    // Finished, so the next visit starts at the amount screen rather than resuming this cash-out.
    await checkIdentity(page);
    await page.getByTestId('confirm-button').click();
    await page.getByTestId('new-cashout').click();
    await page.getByTestId('amount-display').waitFor();
    // The service worker has precached everything by now on a first visit; wait for it to control the next one.
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none'), { timeout: 15_000 }).toBe('activated');
    return elapsed;
  } finally {
    await context.close();
  }
}

export async function runFirstScanBench(): Promise<ResultRow[]> {
  await ensureDist();
  const kasa = await startKasa();
  const dir = await mkdtemp(join(tmpdir(), 'kasa-bench-first-scan-'));
  const cold: number[] = [];
  const cached: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const profile = join(dir, `profile-${round}`);
      for (const times of [cold, cached]) {
        const { code } = walletWithCode(kasa.simulator, 100_00);
        const videoFile = join(dir, `camera-${round}-${times === cold ? 'cold' : 'cached'}.y4m`);
        await writeCameraVideo(videoFile, await renderBarcode(code, 'qrcode'), { codeFrames: 1 });
        times.push(await firstScan(kasa.origin, profile, videoFile, kasa.accounts.cashier));
      }
    }
  } finally {
    await kasa.close();
    await rm(dir, { recursive: true, force: true });
  }
  const summary = (values: number[]): string => `median ${ms(summarise(values).median, 0)} [${values.join(' ')}]`;
  console.log(`first scan, cold: ${summary(cold)}; from the service worker's cache: ${summary(cached)}`);
  return [
    { benchmark: 'scan', metric: 'first scan of a page, amount submitted → verify screen: cold cache', value: summary(cold) },
    { benchmark: 'scan', metric: "first scan of a page, amount submitted → verify screen: service worker's cache", value: summary(cached) },
  ];
}

await runIfStarted(import.meta.url, runFirstScanBench);
