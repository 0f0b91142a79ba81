import { expect, test } from '@playwright/test';
import { checkIdentity, enterCodeByHand, signIn, typeAmount } from './support/cashier.ts';
import { type KasaUnderTest, startKasa } from './support/serve.ts';
import { transactionOf } from './support/wallets.ts';

/** Issue 10: the app offers only the accepted currencies, and each brings its own limits. */

let kasa: KasaUnderTest;

test.beforeAll(async () => {
  kasa = await startKasa({ CURRENCIES: 'EUR,GBP', MAX_AMOUNT_GBP: '500.00', SUPERVISOR_THRESHOLD_GBP: '250.00' });
});

test.afterAll(async () => {
  await kasa?.close();
});

test('a GBP cash-out offers only EUR and GBP, stops at the GBP limit and needs approval at the GBP threshold', async ({ page }) => {
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
  const currency = page.getByLabel('Currency');
  await expect(currency.locator('option')).toHaveText(['EUR', 'GBP']);
  await currency.selectOption('GBP');

  await typeAmount(page, '500.01');
  await expect(page.getByText('Above the limit of £500.00.')).toBeVisible();
  await expect(page.getByTestId('amount-submit')).toBeDisabled();
  for (let i = 0; i < 6; i += 1) await page.getByTestId('key-back').click();

  const walletId = kasa.simulator.state.createWallet({ GBP: 1_000_00 });
  await typeAmount(page, '260.00');
  await page.getByTestId('amount-submit').click();
  await expect(page.getByTestId('scan-screen')).toBeVisible();
  await enterCodeByHand(page, kasa.simulator.state.issueCode(walletId).code);
  await expect(page.getByTestId('verify-screen')).toBeVisible();
  await checkIdentity(page);
  await expect(page.getByTestId('approval-submit')).toBeVisible();
  await expect(page.getByText('Amounts from £250.00 need a supervisor to approve on this device.')).toBeVisible();
  await expect(page.getByTestId('confirm-button')).toBeDisabled();
  expect(transactionOf(kasa.simulator, walletId)).toMatchObject({ status: 'reserved', amount: 260_00, currency: 'GBP' });
});
