import { enterCodeByHand, signIn, startCashout, typeAmount } from './support/cashier.ts';
import { expect, test } from './support/kasa-fixture.ts';
import { latestTransaction, walletWithCode } from './support/wallets.ts';

/** Issue 13, item 7: each error screen's main button is the next step that fits the error, and shows the amount. */

test.beforeEach(async ({ page, kasa }) => {
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
});

test('too little money: "Change amount" cancels at Paysera and opens the amount, pre-filled, to lower', async ({ page, kasa }) => {
  const { code } = walletWithCode(kasa.simulator, 30_00);
  await startCashout(page, '50.00');
  const transactionKey = latestTransaction(kasa.simulator)?.key;
  await enterCodeByHand(page, code);

  const error = page.getByTestId('error-screen');
  await expect(error).toHaveAttribute('data-error-code', 'INSUFFICIENT_FUNDS');
  await expect(page.getByTestId('error-amount')).toContainText('€50.00');
  const main = page.getByTestId('error-change-amount');
  await expect(main).toHaveText('Change amount');
  await expect(main).toHaveClass(/button--primary/);

  await main.click();
  await expect(page.getByTestId('amount-display')).toHaveText('€50.00');
  const transaction = () => kasa.simulator.state.transactions().find((candidate) => candidate.key === transactionKey);
  expect(transaction()?.status).toBe('revoked');

  for (let i = 0; i < 5; i++) await page.getByTestId('key-back').click();
  await typeAmount(page, '25.00');
  await page.getByTestId('amount-submit').click();
  await enterCodeByHand(page, code);
  await expect(page.getByTestId('verify-screen')).toContainText('€25.00');
});

test('a code never issued: "Scan a new code", with the amount shown', async ({ page }) => {
  await startCashout(page, '14.00');
  await enterCodeByHand(page, '0000000000000000000000000021');

  await expect(page.getByTestId('error-screen')).toHaveAttribute('data-error-code', 'INVALID_CODE');
  await expect(page.getByTestId('error-amount')).toContainText('€14.00');
  await expect(page.getByTestId('error-retry')).toHaveText('Scan a new code');
  await page.getByTestId('error-retry').click();
  await expect(page.getByTestId('scan-screen')).toContainText('Paying out €14.00');
});

test('an expired code: "Scan a new code", with the amount shown', async ({ page, kasa }) => {
  const ttlSeconds = 60;
  const { code } = walletWithCode(kasa.simulator, 100_00, ttlSeconds);
  await startCashout(page, '16.00');
  kasa.simulator.clock.advance(ttlSeconds + 1);
  await enterCodeByHand(page, code);

  await expect(page.getByTestId('error-screen')).toHaveAttribute('data-error-code', 'CODE_EXPIRED');
  await expect(page.getByTestId('error-amount')).toContainText('€16.00');
  await expect(page.getByTestId('error-retry')).toHaveText('Scan a new code');
});

test('too many tries: "New cash-out" keeps the amount', async ({ page, kasa }) => {
  const poor = walletWithCode(kasa.simulator, 1_00);
  await startCashout(page, '18.00');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) await page.getByTestId('error-retry').click();
    await enterCodeByHand(page, poor.code);
    await expect(page.getByTestId('error-screen')).toBeVisible();
  }

  await expect(page.getByTestId('error-screen')).toHaveAttribute('data-error-code', 'TOO_MANY_ATTEMPTS');
  await expect(page.getByTestId('error-amount')).toContainText('€18.00');
  await expect(page.getByTestId('new-cashout')).toHaveText('New cash-out');
  await page.getByTestId('new-cashout').click();
  await expect(page.getByTestId('amount-display')).toHaveText('€18.00');
  await expect(page.getByTestId('amount-submit')).toBeEnabled();
});

test('in Lithuanian on a 360 px phone: the amount, the tries left and the fitting main button, above the fold', async ({ page, kasa }) => {
  const poor = walletWithCode(kasa.simulator, 2_00);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByTestId('settings-open').click();
  await page.getByTestId('language-select').selectOption('lt');
  await page.reload();
  await expect(page.getByTestId('amount-screen')).toBeVisible();
  await startCashout(page, '20.00');
  await enterCodeByHand(page, poor.code);

  await expect(page.getByTestId('error-screen')).toHaveAttribute('data-error-code', 'INSUFFICIENT_FUNDS');
  await expect(page.getByTestId('error-amount')).toHaveText('Išmokėjimas: 20,00 €');
  await expect(page.getByTestId('tries-left')).toHaveText('Šiam išmokėjimui liko 2 bandymai.');
  await expect(page.getByTestId('error-change-amount')).toHaveText('Keisti sumą');
  await expect(page.getByTestId('error-change-amount')).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('error-retry')).toHaveText('Nuskaityti dar kartą');
});
