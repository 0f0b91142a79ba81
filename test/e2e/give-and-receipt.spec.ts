import type { Page } from '@playwright/test';
import { checkIdentity, enterCodeByHand, giveCashText, signIn, startCashout } from './support/cashier.ts';
import { expect, test } from './support/kasa-fixture.ts';
import { startKasa, type KasaUnderTest } from './support/serve.ts';
import { walletWithCode } from './support/wallets.ts';

/** Issue 13, item 8 (the give screen) and item 10 (the receipt). */

interface Signals {
  vibrations: unknown[];
  tones: { type: string; hz: number }[];
  prints: number;
}

/**
 * Records what the page asks of the vibration motor, the audio graph and the printer. Vibration and
 * audio still run for real; the print dialog is only counted, as a headless browser has no printer.
 */
async function observeSignals(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const signals: Signals = { vibrations: [], tones: [], prints: 0 };
    Object.assign(window, { __signals: signals });
    const vibrate = typeof navigator.vibrate === 'function' ? navigator.vibrate.bind(navigator) : () => true;
    navigator.vibrate = ((pattern: VibratePattern) => {
      signals.vibrations.push(pattern);
      return vibrate(pattern);
    }) as Navigator['vibrate'];
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
      signals.tones.push({ type: this.type, hz: this.frequency.value });
      start.call(this, when);
    };
    window.print = () => {
      signals.prints += 1;
    };
  });
}

async function signals(page: Page): Promise<Signals> {
  return page.evaluate(() => (window as unknown as { __signals: Signals }).__signals);
}

async function clearSignals(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign((window as unknown as { __signals: Signals }).__signals, { vibrations: [], tones: [], prints: 0 }));
}

/** From the amount screen to a reserved cash-out on the verify screen, identity checked. */
async function reserveAndCheck(page: Page, kasa: KasaUnderTest, amount: string): Promise<void> {
  const { code } = walletWithCode(kasa.simulator, 1000_00);
  await startCashout(page, amount);
  await enterCodeByHand(page, code);
  await expect(page.getByTestId('verify-screen')).toBeVisible();
  await checkIdentity(page);
}

const fontSize = (page: Page, testId: string) => page.getByTestId(testId).evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));

/** The font size of the largest text on the screen that shows the amount. */
async function largestAmountSize(page: Page, screen: string, amount: string): Promise<number> {
  return page.getByTestId(`${screen}-screen`).evaluate((root, shown) => {
    const sizes = [...root.querySelectorAll('*')]
      .filter((element) => [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.includes(shown)))
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    return Math.max(0, ...sizes);
  }, amount);
}

for (const viewport of [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
]) {
  test(`the give screen shows the amount at least as large as the verify screen, at ${viewport.width} px`, async ({ page, kasa }) => {
    await page.setViewportSize(viewport);
    await page.goto(kasa.origin);
    await signIn(page, kasa.accounts.cashier);
    await reserveAndCheck(page, kasa, '45.50');
    const onVerify = await fontSize(page, 'verify-amount');
    await page.getByTestId('confirm-button').click();
    await expect(page.getByTestId('give-cash-screen')).toContainText(giveCashText('45.50'));
    expect(await largestAmountSize(page, 'give-cash', '€45.50')).toBeGreaterThanOrEqual(onVerify);
    await expect(page.getByTestId('give-amount')).toHaveText('€45.50');
    await expect(page.getByTestId('give-amount')).toBeInViewport();
  });
}

test('confirm plays the success chime and buzz, unlike the scan beep; settings silence each and keep that', async ({ page, kasa }) => {
  await observeSignals(page);
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);

  await reserveAndCheck(page, kasa, '12.00');
  await clearSignals(page);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('give-cash-screen')).toBeVisible();
  await expect.poll(async () => (await signals(page)).tones.length).toBeGreaterThanOrEqual(3);
  const played = await signals(page);
  // The scan beep is one 1800 Hz square tone and a single 60 ms buzz (scanner/feedback.ts).
  expect(played.vibrations).toHaveLength(1);
  expect(Array.isArray(played.vibrations[0]) && (played.vibrations[0] as number[]).length).toBeGreaterThanOrEqual(3);
  expect(played.tones.every((tone) => tone.type === 'sine' && tone.hz !== 1800)).toBe(true);
  expect(new Set(played.tones.map((tone) => tone.hz)).size).toBeGreaterThanOrEqual(3);
  await page.getByTestId('new-cashout').click();

  await page.getByTestId('settings-open').click();
  await page.getByTestId('settings-success-sound').uncheck();
  await page.getByTestId('settings-success-vibration').uncheck();
  await page.reload();
  await page.getByTestId('settings-open').click();
  await expect(page.getByTestId('settings-success-sound')).not.toBeChecked();
  await expect(page.getByTestId('settings-success-vibration')).not.toBeChecked();
  await page.getByRole('button', { name: '← Back' }).click();

  await reserveAndCheck(page, kasa, '13.00');
  await clearSignals(page);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('give-cash-screen')).toBeVisible();
  await page.getByTestId('new-cashout').click();
  expect(await signals(page)).toEqual({ vibrations: [], tones: [], prints: 0 });
});

test.describe('the receipt', () => {
  const shopName = 'Kasa, Gedimino pr. 1, Vilnius';
  let shop: KasaUnderTest;
  test.beforeAll(async () => {
    shop = await startKasa({ SHOP_NAME: shopName });
  });
  test.afterAll(async () => {
    await shop.close();
  });

  test('prints the reference whole, on one line inside the receipt, on a 360 px phone', async ({ page, kasa }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(kasa.origin);
    await signIn(page, kasa.accounts.cashier);
    await reserveAndCheck(page, kasa, '21.00');
    await page.getByTestId('confirm-button').click();
    await expect(page.getByTestId('give-cash-screen')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    const layout = await referenceLayout(page);
    expect(layout.text).toMatch(/^[0-9a-f-]{36}$/);
    expect(layout).toMatchObject({ lines: 1, inside: true });
  });

  /** The line boxes of the reference's text, and whether they stay inside the receipt. */
  async function referenceLayout(page: Page): Promise<{ lines: number; inside: boolean; text: string }> {
    return page.locator('.receipt dd').filter({ hasText: /^[0-9a-f]{8}-[0-9a-f-]{27}$/ }).first().evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      const receipt = element.closest('.receipt')?.getBoundingClientRect();
      const text = range.getBoundingClientRect();
      return { lines, inside: receipt !== undefined && text.left >= receipt.left && text.right <= receipt.right, text: element.textContent ?? '' };
    });
  }

  test('names the shop and has a signature line; history opens and reprints it', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await observeSignals(page);
    await page.goto(shop.origin);
    await signIn(page, shop.accounts.cashier);
    await reserveAndCheck(page, shop, '20.00');
    await page.getByTestId('confirm-button').click();
    await expect(page.getByTestId('give-cash-screen')).toBeVisible();

    const receipt = page.getByTestId('receipt');
    await expect(receipt.getByTestId('receipt-shop')).toHaveText(shopName);
    await expect(receipt.getByTestId('receipt-signature')).toHaveText('Customer’s signature');
    const reference = (await referenceLayout(page)).text;
    expect(reference).toMatch(/^[0-9a-f-]{36}$/);

    await page.emulateMedia({ media: 'print' });
    expect(await referenceLayout(page)).toEqual({ lines: 1, inside: true, text: reference });
    await expect(page.getByTestId('receipt-shop')).toBeVisible();
    await expect(page.getByTestId('new-cashout')).toBeHidden();
    await expect(page.getByTestId('give-amount')).toBeHidden();
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('button', { name: 'Print receipt' }).click();
    expect((await signals(page)).prints).toBe(1);
    await page.getByTestId('new-cashout').click();

    await page.getByTestId('history-open').click();
    await page.getByTestId('history-row').first().getByRole('button').click();
    await expect(page.getByTestId('cashout-record-screen')).toBeVisible();
    await expect(page.getByTestId('record-status')).toHaveText('Paid out');
    await expect(page.getByTestId('receipt-reference')).toHaveText(reference);
    await expect(page.getByTestId('receipt-shop')).toHaveText(shopName);
    await page.getByTestId('record-print').click();
    expect((await signals(page)).prints).toBe(2);
    await page.emulateMedia({ media: 'print' });
    expect(await referenceLayout(page)).toEqual({ lines: 1, inside: true, text: reference });
    await expect(page.getByTestId('record-print')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  });
});
