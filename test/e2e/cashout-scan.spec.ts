import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { checkIdentity, enterCodeByHand, giveCashText, signIn, startCashout, typeAmount } from './support/cashier.ts';
import { expect, test } from './support/kasa-fixture.ts';
import { transactionOf, walletWithCode } from './support/wallets.ts';

/**
 * Every run photographs the screens into test-results/; `UPDATE_SCREENSHOTS=1 npm run test:e2e`
 * writes them over the README's copies in docs/ instead, so a plain test run leaves the tree clean.
 */
const screenshotDir = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';
/** A phone in portrait, the cashier's usual device. */
const phone = { width: 390, height: 844 };

test.beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true });
});

const symbologies = [
  { symbology: 'qrcode', label: 'QR code', screenshots: true },
  { symbology: 'code128', label: 'Code 128 barcode', screenshots: false },
] as const;

for (const { symbology, label, screenshots } of symbologies) {
  test(`pays out €50.00 for a ${label} scanned from the customer's phone`, async ({ withCamera, kasa }) => {
    const { walletId, code } = walletWithCode(kasa.simulator, 100_00);
    // Blank frames first, so the scan screen is seen (and photographed) before the code comes into view.
    const { page } = await withCamera(code, symbology, {
      video: { blankFrames: 20, codeFrames: 10 },
      context: { baseURL: kasa.origin, viewport: phone },
    });
    const shoot = async (name: string): Promise<void> => {
      if (!screenshots) return;
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${screenshotDir}/${name}.png` });
    };

    await page.goto('/');
    await expect(page.getByTestId('login-username')).toBeVisible();
    await shoot('sign-in');
    await signIn(page, kasa.accounts.cashier);
    await expect(page.getByTestId('demo-banner')).toBeVisible();

    await typeAmount(page, '50.00');
    await shoot('amount');
    await page.getByTestId('amount-submit').click();
    await expect(page.getByTestId('scan-screen')).toBeVisible();
    await waitForCameraPicture(page);
    await shoot('scan');

    await expect(page.getByTestId('verify-screen')).toBeVisible();
    await expect(page.getByTestId('verify-amount')).toContainText('50.00');
    expect(transactionOf(kasa.simulator, walletId)?.status).toBe('reserved');
    await checkIdentity(page);
    await shoot('verify');
    await page.getByTestId('confirm-button').click();

    await expect(page.getByTestId('give-cash-screen')).toContainText(giveCashText('50.00'));
    await shoot('give-cash');
    expect(transactionOf(kasa.simulator, walletId)).toMatchObject({ status: 'confirmed', amount: 50_00, currency: 'EUR' });
    expect(kasa.simulator.state.wallet(walletId)).toMatchObject({ balances: { EUR: 50_00 }, held: { EUR: 0 } });
  });
}

test('a refused code still in front of the camera after "Scan again" is not sent again', async ({ withCamera, kasa }) => {
  const refusedCode = '0000000000000000000000000003';
  const { walletId, code } = walletWithCode(kasa.simulator, 100_00);
  const { page } = await withCamera(refusedCode, 'qrcode', { context: { baseURL: kasa.origin, viewport: phone } });
  const reserves: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/reserve')) reserves.push(request.url());
  });
  await page.goto('/');
  await signIn(page, kasa.accounts.cashier);
  await startCashout(page, '25.00');

  await expect(page.getByTestId('error-screen')).toHaveAttribute('data-error-code', 'INVALID_CODE');
  expect(reserves).toHaveLength(1);
  await page.getByTestId('error-retry').click();
  await expect(page.getByTestId('scan-refused-again')).toBeVisible();
  expect(reserves).toHaveLength(1);

  await enterCodeByHand(page, code);
  await expect(page.getByTestId('verify-screen')).toBeVisible();
  expect(reserves).toHaveLength(2);
  expect(transactionOf(kasa.simulator, walletId)?.status).toBe('reserved');
});

async function waitForCameraPicture(page: Page): Promise<void> {
  await page
    .getByTestId('scan-video')
    .evaluate((video: HTMLVideoElement) => new Promise<void>((resolve) => video.requestVideoFrameCallback(() => resolve())));
}
