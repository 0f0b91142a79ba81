import { readFile, mkdir } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { languages } from '../../web/settings.ts';
import { expectAccessible } from './support/axe.ts';
import { checkIdentity, enterCodeByHand, giveCashText, signIn, startCashout, typeAmount } from './support/cashier.ts';
import { expectFits } from './support/fit.ts';
import { type KasaUnderTest, startKasa } from './support/serve.ts';
import { transactionOf, walletWithCode } from './support/wallets.ts';

/**
 * The cash desk on a Kasa started as a fresh demo starts it (REQUIRE_SHIFT on, the demo cashier's
 * shift open at the Demo shop with 1000.00 EUR). Screenshots of the shift screens go where
 * cashout-scan.spec.ts puts the others: `UPDATE_SCREENSHOTS=1` writes the README's copies.
 */
const screenshotDir = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';
const phone = { width: 390, height: 844 };
const smallPhone = { width: 320, height: 568 };

let kasa: KasaUnderTest;

test.beforeEach(async () => {
  kasa = await startKasa({}, { desk: true });
  await mkdir(screenshotDir, { recursive: true });
});
test.afterEach(async () => {
  await kasa.close();
});

/** A whole payout with a code typed by hand; returns the transaction key Paysera gave it. */
async function payOut(page: Page, amount: string): Promise<string> {
  const { walletId, code } = walletWithCode(kasa.simulator, 1000_00);
  await startCashout(page, amount);
  await enterCodeByHand(page, code);
  await checkIdentity(page);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('give-cash-screen')).toContainText(giveCashText(amount));
  await page.getByTestId('new-cashout').click();
  const transaction = transactionOf(kasa.simulator, walletId);
  expect(transaction?.status).toBe('confirmed');
  return transaction?.key ?? '';
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
}

/** Closes the demo cashier's demo shift with the count that matches, so the cashier starts without a shift. */
async function closeDemoShift(page: Page): Promise<void> {
  await page.getByTestId('shift-nav').click();
  await page.getByTestId('shift-close-start').click();
  await page.getByTestId('counted-EUR-total').fill('1000.00');
  await page.getByTestId('shift-close-submit').click();
  await expect(page.getByTestId('z-signed')).toHaveText('Not needed');
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
}

test('the demo cashier pays out at once from the demo shift', async ({ page }) => {
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
  await expect(page.getByTestId('amount-available')).toHaveText('Cash for payouts: €1,000.00');
  await payOut(page, '25.00');
  await expect(page.getByTestId('amount-available')).toHaveText('Cash for payouts: €975.00');
});

test('a shift from float to Z-report: two payouts, one refused for lack of cash, a drop, a short count signed off, CSV', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(phone);
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
  await closeDemoShift(page);

  // No shift: no keypad, the way to open one instead.
  await expect(page.getByTestId('amount-submit')).toHaveCount(0);
  await page.getByTestId('amount-open-shift').click();
  await expect(page.getByTestId('shift-location-select')).toHaveValue(/.+/);
  await page.getByTestId('float-EUR-by-pieces').check();
  await page.getByTestId('float-EUR-piece-10000').fill('1');
  await page.getByTestId('float-EUR-piece-2000').fill('2');
  await page.getByTestId('float-EUR-piece-1000').fill('1');
  await expect(page.getByTestId('float-EUR-sum')).toHaveText('Total: €150.00');
  await expectAccessible(page, 'shift-open');
  await shoot(page, 'shift-open');
  await page.getByTestId('shift-open-submit').click();
  await expect(page.getByTestId('amount-available')).toHaveText('Cash for payouts: €150.00');

  const firstKey = await payOut(page, '60.00');
  const secondKey = await payOut(page, '50.00');
  await expect(page.getByTestId('amount-available')).toHaveText('Cash for payouts: €40.00');

  // The third is refused before Paysera hears of it; the typed amount stays and the screen says what the drawer holds.
  const { walletId } = walletWithCode(kasa.simulator, 1000_00);
  await typeAmount(page, '45.00');
  await page.getByTestId('amount-submit').click();
  await expect(page.getByTestId('inline-error')).toHaveAttribute('data-error-code', 'NOT_ENOUGH_CASH');
  await expect(page.getByTestId('inline-error')).toContainText('40.00 EUR');
  await expect(page.getByTestId('amount-display')).toHaveText('€45.00');
  expect(transactionOf(kasa.simulator, walletId)).toBeUndefined();

  // A drop to the safe.
  await page.getByTestId('shift-nav').click();
  await expect(page.getByTestId('shift-expected')).toHaveText('€40.00');
  await page.getByTestId('movement-amount').fill('20.00');
  await page.getByTestId('movement-reason').fill('to the safe');
  await page.getByTestId('movement-submit').click();
  await expect(page.getByTestId('movement-recorded')).toBeVisible();
  await expect(page.getByTestId('shift-expected')).toHaveText('€20.00');
  await expectAccessible(page, 'shift');
  await shoot(page, 'shift');

  // Counted 15.00 of 20.00: beyond a tolerance of 0.00, so a supervisor signs, not the cashier.
  await page.getByTestId('shift-close-start').click();
  await page.getByTestId('counted-EUR-by-pieces').check();
  await page.getByTestId('counted-EUR-piece-1000').fill('1');
  await page.getByTestId('counted-EUR-piece-500').fill('1');
  await expectAccessible(page, 'shift-close');
  await page.getByTestId('shift-close-submit').click();
  await expect(page.getByTestId('count-difference')).toHaveText('-€5.00');
  await expect(page.getByTestId('count-expected')).toHaveText('€20.00');
  await expectAccessible(page, 'shift-close');
  await page.setViewportSize(smallPhone);
  await expectFits(page, 'shift-close');
  await page.setViewportSize(phone);
  await page.getByTestId('signoff-username').fill(kasa.accounts.cashier.username);
  await page.getByTestId('signoff-password').fill(kasa.accounts.cashier.password);
  await page.getByTestId('signoff-submit').click();
  await expect(page.getByTestId('inline-error')).toHaveAttribute('data-error-code', 'SELF_SIGN_OFF');
  await shoot(page, 'shift-close');
  await page.getByTestId('signoff-username').fill(kasa.accounts.supervisor.username);
  await page.getByTestId('signoff-password').fill(kasa.accounts.supervisor.password);
  await page.getByTestId('signoff-submit').click();

  // The Z-report has it all.
  await expect(page.getByTestId('z-report')).toBeVisible();
  await expect(page.getByTestId('z-float')).toHaveText('€150.00');
  const cashouts = page.getByTestId('z-cashout');
  await expect(cashouts).toHaveCount(2);
  await expect(cashouts.nth(0)).toContainText('€60.00');
  await expect(cashouts.nth(0)).toContainText(firstKey);
  await expect(cashouts.nth(1)).toContainText('€50.00');
  await expect(cashouts.nth(1)).toContainText(secondKey);
  await expect(page.getByTestId('z-movement')).toContainText('€20.00');
  await expect(page.getByTestId('z-movement')).toContainText('to the safe');
  await expect(page.getByTestId('z-expected')).toHaveText('€20.00');
  await expect(page.getByTestId('z-counted')).toHaveText('€15.00');
  await expect(page.getByTestId('z-difference')).toHaveText('-€5.00');
  await expect(page.getByTestId('z-signed')).toContainText(kasa.accounts.supervisor.username);
  await expectAccessible(page, 'z-report');
  await shoot(page, 'z-report');

  // On paper only the report: no buttons, no top bar.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('z-print')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Back' })).toBeHidden();
  await expect(page.getByTestId('z-report')).toBeVisible();
  expect(await page.getByTestId('z-report').evaluate((element) => getComputedStyle(element).color)).toBe('rgb(0, 0, 0)');
  await page.emulateMedia({ media: 'screen' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('z-csv').click()]);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv).toContain(`cashout,`);
  for (const key of [firstKey, secondKey]) expect(csv).toContain(key);
  expect(csv).toMatch(/drop,[^\n]*,20\.00,EUR,/);
  expect(csv).toMatch(/difference,[^\n]*,-5\.00,EUR,/);
  expect(csv).toContain(`sign_off,`);
  expect(csv).toContain(kasa.accounts.supervisor.username);

  // The supervisor sees the day's shifts, the demo one and this one, and opens a Z-report from the list.
  await page.goto(kasa.origin);
  await page.getByTestId('settings-open').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, kasa.accounts.supervisor);
  await page.getByTestId('shift-nav').click();
  await page.getByTestId('shifts-open').click();
  await expect(page.getByTestId('shifts-row')).toHaveCount(2);
  await expectAccessible(page, 'shifts');
  await page.getByTestId('shifts-row').nth(1).getByRole('button').click();
  await expect(page.getByTestId('z-report')).toBeVisible();
});

for (const language of languages) {
  test(`the shift screens fit 320 × 568 in ${language}`, async ({ page }) => {
    await page.setViewportSize(smallPhone);
    await page.goto(kasa.origin);
    await page.getByTestId('language-select').selectOption(language);
    await signIn(page, kasa.accounts.cashier);
    await page.keyboard.type('1000.00');
    await expectFits(page, 'amount', 'amount-submit');
    for (let i = 0; i < 7; i += 1) await page.keyboard.press('Backspace');
    await page.getByTestId('shift-nav').click();
    await expectFits(page, 'shift');
    await page.getByTestId('shift-close-start').click();
    await page.getByTestId('counted-EUR-by-pieces').check();
    await page.getByTestId('counted-EUR-piece-50000').fill('2');
    await expectFits(page, 'shift-close');
    await page.getByTestId('shift-close-submit').click();
    await expectFits(page, 'z-report');
    await page.getByTestId('z-report').waitFor();
    await page.goto(kasa.origin);
    await page.getByTestId('amount-open-shift').click();
    await page.getByTestId('float-EUR-by-pieces').check();
    await expectFits(page, 'shift-open');
    await page.goto(kasa.origin);
    await page.getByTestId('shift-nav').click();
    await page.getByTestId('shifts-open').click();
    await expect(page.getByTestId('shifts-row')).toHaveCount(1);
    await expectFits(page, 'shifts');
  });
}
