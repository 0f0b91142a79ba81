import { expectAccessible } from './support/axe.ts';
import { approveAsSupervisor, checkIdentity, enterCodeByHand, signIn, startCashout } from './support/cashier.ts';
import { expect, test } from './support/kasa-fixture.ts';
import { walletWithCode } from './support/wallets.ts';

test('every screen of a cash-out, from sign-in to give cash', async ({ page, kasa }) => {
  const { code } = walletWithCode(kasa.simulator, 500_00);
  await page.goto(kasa.origin);
  await expectAccessible(page, 'signin');
  await signIn(page, kasa.accounts.cashier);
  await expectAccessible(page, 'amount');

  await startCashout(page, '20.00');
  await page.getByTestId('manual-entry-open').click();
  await expectAccessible(page, 'scan');
  await page.getByTestId('manual-code-input').fill('0000000000000000000000000003');
  await page.getByTestId('manual-code-submit').click();
  await expectAccessible(page, 'error');

  await page.getByTestId('error-retry').click();
  await enterCodeByHand(page, code);
  await expectAccessible(page, 'verify');
  await checkIdentity(page);
  await page.getByTestId('confirm-button').click();
  await expectAccessible(page, 'give-cash');
});

test('the supervisor approval form on the verify screen', async ({ page, kasa }) => {
  const { code } = walletWithCode(kasa.simulator, 500_00);
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
  await startCashout(page, '350.00');
  await enterCodeByHand(page, code);
  await expect(page.getByTestId('approval-username')).toBeVisible();
  await expectAccessible(page, 'verify');
  await approveAsSupervisor(page, kasa.accounts.supervisor);
  await expect(page.getByTestId('approval-submit')).toHaveCount(0);
  await expectAccessible(page, 'verify');
});

test('history, daily report and settings', async ({ page, kasa }) => {
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.supervisor);
  await page.getByTestId('history-open').click();
  await expectAccessible(page, 'history');
  await page.goto(kasa.origin);
  await expect(page.getByTestId('amount-display')).toBeVisible();
  await page.getByTestId('report-open').click();
  await expectAccessible(page, 'report');
  await page.getByRole('button', { name: 'Verify the audit chain' }).click();
  await expect(page.locator('.audit-head code')).toHaveText(/^[0-9a-f]{64}$/);
  await expectAccessible(page, 'report');
  await page.goto(kasa.origin);
  await expect(page.getByTestId('amount-display')).toBeVisible();
  await page.getByTestId('settings-open').click();
  await expectAccessible(page, 'settings');
});
