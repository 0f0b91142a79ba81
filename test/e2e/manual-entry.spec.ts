import { chromium, type Page } from '@playwright/test';
import { chromiumPath } from './support/browser.ts';
import { enterCodeByHand, signIn, startCashout } from './support/cashier.ts';
import { expect, test } from './support/kasa-fixture.ts';
import { walletWithCode } from './support/wallets.ts';

/** Issue 13, item 3: typing the code is first-class, not a fallback tucked under a dead viewfinder. */

const phone = { width: 360, height: 740 };

/** A Chromium with no camera at all: no fake device, so getUserMedia finds none. */
async function withoutCamera() {
  return chromium.launch({ executablePath: chromiumPath, args: ['--use-fake-ui-for-media-stream', '--headless', '--no-sandbox', '--disable-gpu'] });
}

async function caret(page: Page): Promise<number | null> {
  return page.getByTestId('manual-code-input').evaluate((input: HTMLInputElement) => input.selectionStart);
}

for (const [language, noCamera] of [
  ['en', 'No camera was found. Type the code instead.'],
  ['lt', 'Kamera nerasta. Įveskite kodą ranka.'],
] as const) {
  test(`with no camera the code field takes the viewfinder’s place, on a numeric keypad, with Check above the fold (${language})`, async ({ kasa }) => {
    const browser = await withoutCamera();
    try {
      const context = await browser.newContext({ viewport: phone, permissions: ['camera'] });
      const page = await context.newPage();
      await page.goto(kasa.origin);
      await page.getByTestId('language-select').selectOption(language);
      await signIn(page, kasa.accounts.cashier);
      await startCashout(page, '20.00');

      const input = page.getByTestId('manual-code-input');
      await expect(input).toBeVisible();
      await expect(page.getByRole('alert')).toHaveText(noCamera);
      await expect(page.locator('.viewfinder')).toBeHidden();
      await expect(input).toHaveAttribute('inputmode', 'numeric');
      await expect(input).toBeFocused();
      await expect(page.getByTestId('manual-entry-open')).toHaveCount(0);

      const check = await page.getByTestId('manual-code-submit').boundingBox();
      expect(check).not.toBeNull();
      expect((check?.y ?? Infinity) + (check?.height ?? 0)).toBeLessThanOrEqual(phone.height);
      expect(await page.evaluate(() => document.scrollingElement?.scrollTop)).toBe(0);
    } finally {
      await browser.close();
    }
  });
}

test('the code shows in groups of four while typed, the caret stays put, and the code goes out without spaces', async ({ page, kasa }) => {
  const { code } = walletWithCode(kasa.simulator, 100_00);
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
  await startCashout(page, '12.00');
  await page.getByTestId('manual-entry-open').click();

  const input = page.getByTestId('manual-code-input');
  await input.pressSequentially(code.slice(0, 5));
  await expect(input).toHaveValue(`${code.slice(0, 4)} ${code.slice(4, 5)}`);
  expect(await caret(page)).toBe(6);
  await input.pressSequentially(code.slice(5));
  const grouped = code.match(/.{1,4}/g)?.join(' ') ?? '';
  await expect(input).toHaveValue(grouped);

  // Backspace just after the first space deletes the digit before it; the rest closes up.
  await input.evaluate((field: HTMLInputElement) => field.setSelectionRange(5, 5));
  await input.press('Backspace');
  const withoutFourth = code.slice(0, 3) + code.slice(4);
  await expect(input).toHaveValue(withoutFourth.match(/.{1,4}/g)?.join(' ') ?? '');
  expect(await caret(page)).toBe(3);
  // Typing it back puts it where it was and the caret right after it.
  await input.press(code.charAt(3));
  await expect(input).toHaveValue(grouped);
  expect(await caret(page)).toBe(4);

  const reserve = page.waitForRequest((request) => request.url().endsWith('/reserve'));
  await page.getByTestId('manual-code-submit').click();
  expect((await reserve).postDataJSON()).toEqual({ code });
  await expect(page.getByTestId('verify-screen')).toBeVisible();
});

test('each refusal says how many tries are left, and after the last the amount is kept for a new cash-out', async ({ page, kasa }) => {
  const poor = walletWithCode(kasa.simulator, 5_00);
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
  await startCashout(page, '20.00');

  const error = page.getByTestId('error-screen');
  await enterCodeByHand(page, '0000000000000000000000000013');
  await expect(error).toHaveAttribute('data-error-code', 'INVALID_CODE');
  await expect(page.getByTestId('tries-left')).toHaveText('2 tries left for this cash-out.');

  await page.getByTestId('error-retry').click();
  await enterCodeByHand(page, poor.code);
  await expect(error).toHaveAttribute('data-error-code', 'INSUFFICIENT_FUNDS');
  await expect(page.getByTestId('tries-left')).toHaveText('Last try for this cash-out.');

  await page.getByTestId('error-retry').click();
  await enterCodeByHand(page, poor.code);
  await expect(error).toHaveAttribute('data-error-code', 'TOO_MANY_ATTEMPTS');
  await expect(error).toContainText('€20.00');

  await page.getByTestId('new-cashout').click();
  await expect(page.getByTestId('amount-display')).toHaveText('€20.00');
  await page.getByTestId('amount-submit').click();
  await expect(page.getByTestId('scan-screen')).toContainText('Paying out €20.00');
});
