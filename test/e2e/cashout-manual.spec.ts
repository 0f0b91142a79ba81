import { approveAsSupervisor, checkIdentity, enterCodeByHand, giveCashText, signIn, startCashout } from './support/cashier.ts';
import { expect, test } from './support/kasa-fixture.ts';
import { transactionOf, walletWithCode } from './support/wallets.ts';

test.beforeEach(async ({ page, kasa }) => {
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
});

test('a code typed by hand pays out like a scanned one', async ({ page, kasa }) => {
  const { walletId, code } = walletWithCode(kasa.simulator, 100_00);
  await startCashout(page, '25.00');
  // Typed as a person reads it off a phone: in groups.
  await enterCodeByHand(page, code.replace(/(\d{4})(?=\d)/g, '$1 '));
  await expect(page.getByTestId('verify-screen')).toBeVisible();
  await checkIdentity(page);
  const confirmRequest = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/confirm'));
  await page.getByTestId('confirm-button').click();
  // The server audits what the request names, so it names each check that was ticked.
  expect((await confirmRequest).postDataJSON()).toEqual({ identityChecks: ['document', 'photo'] });
  await expect(page.getByTestId('give-cash-screen')).toContainText(giveCashText('25.00'));
  expect(transactionOf(kasa.simulator, walletId)?.status).toBe('confirmed');

  await page.getByTestId('new-cashout').click();
  await expect(page.getByTestId('amount-display')).toBeVisible();
});

test('300.00 needs a supervisor, and the cashier cannot approve it alone', async ({ page, kasa }) => {
  const { walletId, code } = walletWithCode(kasa.simulator, 500_00);
  await startCashout(page, '300.00');
  await enterCodeByHand(page, code);
  await expect(page.getByTestId('verify-screen')).toBeVisible();
  await checkIdentity(page);
  await expect(page.getByTestId('confirm-button')).toBeDisabled();

  await approveAsSupervisor(page, kasa.accounts.cashier);
  await expect(page.getByTestId('approval-submit')).toBeVisible();
  await expect(page.getByTestId('confirm-button')).toBeDisabled();

  await approveAsSupervisor(page, kasa.accounts.supervisor);
  await expect(page.getByTestId('approval-submit')).toHaveCount(0);
  await expect(page.getByTestId('verify-screen')).toContainText(kasa.accounts.supervisor.username);
  await page.getByTestId('confirm-button').click();

  await expect(page.getByTestId('give-cash-screen')).toContainText(giveCashText('300.00'));
  expect(transactionOf(kasa.simulator, walletId)).toMatchObject({ status: 'confirmed', amount: 300_00 });
});

test('a reload on the verify screen comes back to the verify screen of the same cash-out', async ({ page, kasa }) => {
  const { walletId, code } = walletWithCode(kasa.simulator, 100_00);
  await startCashout(page, '45.00');
  await enterCodeByHand(page, code);
  await expect(page.getByTestId('verify-screen')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('verify-screen')).toBeVisible();
  await expect(page.getByTestId('verify-amount')).toContainText('45.00');
  await checkIdentity(page);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('give-cash-screen')).toContainText(giveCashText('45.00'));
  expect(kasa.simulator.state.transactions().filter((transaction) => transaction.walletId === walletId)).toMatchObject([{ status: 'confirmed' }]);
});
