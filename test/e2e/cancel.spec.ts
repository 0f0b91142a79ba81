import { enterCodeByHand, signIn, startCashout } from './support/cashier.ts';
import { expect, test } from './support/kasa-fixture.ts';
import { latestTransaction, transactionOf, walletWithCode } from './support/wallets.ts';

test('cancelling on the verify screen revokes the transaction and releases the hold', async ({ page, kasa }) => {
  const { walletId, code } = walletWithCode(kasa.simulator, 100_00);
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
  await startCashout(page, '30.00');
  await enterCodeByHand(page, code);
  await expect(page.getByTestId('verify-screen')).toBeVisible();
  expect(kasa.simulator.state.wallet(walletId)?.held).toEqual({ EUR: 30_00 });

  await page.getByTestId('cancel-cashout').click();
  await expect(page.getByTestId('amount-display')).toBeVisible();
  expect(transactionOf(kasa.simulator, walletId)).toMatchObject({ status: 'revoked', expired: false });
  expect(kasa.simulator.state.wallet(walletId)).toMatchObject({ balances: { EUR: 100_00 }, held: { EUR: 0 } });
});

test('cancelling on the scan screen revokes the transaction created for the amount', async ({ page, kasa }) => {
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
  await startCashout(page, '12.00');
  const created = latestTransaction(kasa.simulator);
  expect(created?.status).toBe('new');

  await page.getByTestId('cancel-cashout').click();
  await expect(page.getByTestId('amount-display')).toBeVisible();
  expect(kasa.simulator.state.transaction(created?.key ?? '')?.status).toBe('revoked');
});
