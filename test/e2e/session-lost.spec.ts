import { expect, test } from '@playwright/test';
import { enterCodeByHand, signIn, startCashout } from './support/cashier.ts';
import { type KasaUnderTest, startKasa } from './support/serve.ts';
import { walletWithCode } from './support/wallets.ts';

let kasa: KasaUnderTest;

test.beforeAll(async () => {
  kasa = await startKasa();
});

test.afterAll(async () => {
  await kasa?.close();
});

test('a session lost mid cash-out leads to sign-in, and signing in again picks the cash-out up', async ({ page, context }) => {
  const { code } = walletWithCode(kasa.simulator, 100_00);
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
  await startCashout(page, '15.00');

  await context.clearCookies();
  await enterCodeByHand(page, code);
  await expect(page.getByTestId('signin-screen')).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toBeVisible();

  await page.getByTestId('login-username').fill(kasa.accounts.cashier.username);
  await page.getByTestId('login-password').fill(kasa.accounts.cashier.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('scan-screen')).toContainText('15.00');
});

test('a session lost on the history screen leads to sign-in', async ({ page, context }) => {
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
  await context.clearCookies();
  await page.getByTestId('history-open').click();
  await expect(page.getByTestId('signin-screen')).toBeVisible();
});
