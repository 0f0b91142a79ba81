import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { signIn, startCashout } from './support/cashier.ts';
import { expect, test } from './support/kasa-fixture.ts';
import { walletWithCode } from './support/wallets.ts';

/**
 * Issue 12's help for the camera on the scan screen: the torch suggested in a dark scene, "further
 * away" for a code filling the picture, continuous and tap-to-focus. Chromium's fake camera has no
 * torch and no focus control, so where a test needs them the page is told the camera has them (the
 * capabilities an Android phone's camera lists), accepts requests for them, and records every
 * request Kasa makes of it.
 */

const darkHint = 'It is too dark to read the code. Turn the light on.';
const tooCloseHint = 'Hold the phone a little further away.';
const plainHint = 'Point the camera at the QR code or barcode in the customer’s Paysera app.';

declare global {
  interface Window {
    cameraRequests: MediaTrackConstraints[];
  }
}

/** The fake camera reports the torch and focus modes given, and keeps every applyConstraints call. */
async function emulateCameraControls(page: Page, capabilities: Record<string, unknown>): Promise<void> {
  await page.addInitScript((extra) => {
    window.cameraRequests = [];
    const prototype = MediaStreamTrack.prototype;
    const getCapabilities = prototype.getCapabilities;
    const applyConstraints = prototype.applyConstraints;
    prototype.getCapabilities = function (this: MediaStreamTrack) {
      return { ...getCapabilities.call(this), ...extra };
    };
    prototype.applyConstraints = function (this: MediaStreamTrack, constraints?: MediaTrackConstraints) {
      window.cameraRequests.push(JSON.parse(JSON.stringify(constraints ?? {})));
      // Chromium refuses a torch its fake camera lacks; a phone's camera with one accepts.
      const emulated = Object.keys(extra).some((name) => constraints?.advanced?.some((set) => name in set));
      return emulated ? Promise.resolve() : applyConstraints.call(this, constraints);
    };
    const supported = navigator.mediaDevices.getSupportedConstraints.bind(navigator.mediaDevices);
    navigator.mediaDevices.getSupportedConstraints = () => ({ ...supported(), pointsOfInterest: true }) as MediaTrackSupportedConstraints;
  }, capabilities);
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** A dark room: the code is there but every pixel is below 12 of 255. */
const darkRoom = { light: 0.05 };

test('suggests the torch after a few seconds of dark frames, and the light turns the suggestion off', async ({ withCamera, kasa }) => {
  const { code } = walletWithCode(kasa.simulator, 100_00);
  const { page } = await withCamera(code, 'qrcode', { scene: darkRoom, context: { baseURL: kasa.origin } });
  await emulateCameraControls(page, { torch: true });
  const errors = collectErrors(page);
  await page.goto('/');
  await signIn(page, kasa.accounts.cashier);
  await startCashout(page, '10.00');

  const torch = page.getByTestId('torch-toggle');
  await expect(torch).toHaveClass(/button--secondary/);
  await expect(page.getByTestId('scan-hint')).toHaveText(darkHint);
  await expect(torch).toHaveClass(/button--primary/);
  await torch.click();
  await expect(torch).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('scan-hint')).toHaveText(plainHint);
  expect(await page.evaluate(() => window.cameraRequests)).toContainEqual({ advanced: [{ torch: true }] });
  expect(errors).toEqual([]);
});

test('without a torch a dark scene changes nothing on the screen, and nothing breaks', async ({ withCamera, kasa }) => {
  const { code } = walletWithCode(kasa.simulator, 100_00);
  const { page } = await withCamera(code, 'qrcode', { scene: darkRoom, context: { baseURL: kasa.origin } });
  const errors = collectErrors(page);
  await page.goto('/');
  await signIn(page, kasa.accounts.cashier);
  await startCashout(page, '10.00');
  await expect(page.getByTestId('scan-hint')).toHaveText(plainHint);
  // Longer than the dark period the suggestion waits for, in frames the page has actually shown.
  await page.getByTestId('scan-video').evaluate(
    (video: HTMLVideoElement) =>
      new Promise<void>((resolve) => {
        const start = performance.now();
        const wait = (): void => {
          if (performance.now() - start > 4000) resolve();
          else video.requestVideoFrameCallback(wait);
        };
        video.requestVideoFrameCallback(wait);
      }),
  );
  await expect(page.getByTestId('scan-hint')).toHaveText(plainHint);
  await expect(page.getByTestId('torch-toggle')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('asks to hold the phone further away when a barcode runs off both sides of the picture', async ({ withCamera, kasa }) => {
  const { code } = walletWithCode(kasa.simulator, 100_00);
  // 24 px a module: a quarter of the barcode fills the 1280 px frame.
  const { page } = await withCamera(code, 'code128', { scene: { scale: 8 }, context: { baseURL: kasa.origin } });
  await page.goto('/');
  await signIn(page, kasa.accounts.cashier);
  await startCashout(page, '10.00');
  await expect(page.getByTestId('scan-hint')).toHaveText(tooCloseHint);
});

test('Chromium’s own test picture is neither dark nor too close', async ({ page, kasa }) => {
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
  await startCashout(page, '10.00');
  await expect(page.getByTestId('scan-hint')).toHaveText(plainHint);
  await page.waitForTimeout(4000);
  await expect(page.getByTestId('scan-hint')).toHaveText(plainHint);
});

test('asks for continuous focus, and a tap on the picture focuses at the tapped point of the camera picture', async ({ withCamera, kasa }) => {
  const { code } = walletWithCode(kasa.simulator, 100_00);
  const { page } = await withCamera(code, 'qrcode', { scene: darkRoom, context: { baseURL: kasa.origin, viewport: { width: 390, height: 844 } } });
  await emulateCameraControls(page, { focusMode: ['manual', 'single-shot', 'continuous'] });
  const errors = collectErrors(page);
  await page.goto('/');
  await signIn(page, kasa.accounts.cashier);
  await startCashout(page, '10.00');
  await expect.poll(() => page.evaluate(() => window.cameraRequests)).toContainEqual({ advanced: [{ focusMode: 'continuous' }] });

  const video = page.getByTestId('scan-video');
  const box = await video.boundingBox();
  if (!box) throw new Error('the viewfinder is not shown');
  // The 16:9 picture covers a taller box: it is scaled to the box's height and cropped at the sides.
  const shownWidth = (box.height * 1280) / 720;
  const tap = { x: 10, y: box.height / 4 };
  await video.click({ position: tap });
  const expected = { x: ((shownWidth - box.width) / 2 + tap.x) / shownWidth, y: 0.25 };
  await expect.poll(() => page.evaluate(() => window.cameraRequests.length)).toBe(2);
  const [request] = (await page.evaluate(() => window.cameraRequests)).slice(-1) as { advanced: { pointsOfInterest: { x: number; y: number }[]; focusMode: string }[] }[];
  const asked = request?.advanced[0];
  expect(asked?.focusMode).toBe('continuous');
  expect(asked?.pointsOfInterest[0]?.x).toBeCloseTo(expected.x, 2);
  expect(asked?.pointsOfInterest[0]?.y).toBeCloseTo(expected.y, 2);
  expect(errors).toEqual([]);
});

for (const language of ['en', 'lt'] as const) {
  test(`the torch suggestion fits a 320 × 568 screen in ${language}, with no serious accessibility problem`, async ({ withCamera, kasa }) => {
    const { code } = walletWithCode(kasa.simulator, 100_00);
    const { page } = await withCamera(code, 'qrcode', { scene: darkRoom, context: { baseURL: kasa.origin, viewport: { width: 320, height: 568 } } });
    await emulateCameraControls(page, { torch: true });
    await page.goto('/');
    await page.getByTestId('language-select').selectOption(language);
    await signIn(page, kasa.accounts.cashier);
    await startCashout(page, '10.00');
    await expect(page.getByTestId('torch-toggle')).toHaveClass(/button--primary/);
    const clipped = await page.evaluate(() => {
      const root = document.documentElement;
      const problems = root.scrollWidth > root.clientWidth ? ['page scrolls sideways'] : [];
      for (const id of ['scan-hint', 'torch-toggle']) {
        const element = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
        const box = element?.getBoundingClientRect();
        if (!element || !box) problems.push(`${id} missing`);
        else if (element.scrollWidth > element.clientWidth + 1 || box.left < 0 || box.right > root.clientWidth) problems.push(`${id} clipped`);
      }
      return problems;
    });
    expect(clipped).toEqual([]);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);
  });
}
