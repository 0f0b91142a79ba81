import { enterCodeByHand, signIn, startCashout } from './support/cashier.ts';
import { expect, test } from './support/kasa-fixture.ts';
import { latestTransaction, walletWithCode } from './support/wallets.ts';

test.beforeEach(async ({ page, kasa }) => {
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
});

const askForNewCode = 'Ask the customer to generate a new code in the Paysera app.';

test('a code the simulator never issued is refused and nothing is reserved', async ({ page, kasa }) => {
  await startCashout(page, '20.00');
  await enterCodeByHand(page, '0000000000000000000000000001');

  const error = page.getByTestId('error-screen');
  await expect(error).toHaveAttribute('data-error-code', 'INVALID_CODE');
  await expect(error).toContainText(askForNewCode);
  await expect(page.getByTestId('give-cash-screen')).toHaveCount(0);
  expect(latestTransaction(kasa.simulator)?.status).toBe('new');
});

test('a wallet without enough money is refused and keeps its balance', async ({ page, kasa }) => {
  const { walletId, code } = walletWithCode(kasa.simulator, 10_00);
  await startCashout(page, '50.00');
  await enterCodeByHand(page, code);

  const error = page.getByTestId('error-screen');
  await expect(error).toHaveAttribute('data-error-code', 'INSUFFICIENT_FUNDS');
  await expect(error).toContainText('Ask the customer to top up or to withdraw less.');
  expect(kasa.simulator.state.wallet(walletId)).toMatchObject({ balances: { EUR: 10_00 }, held: {} });
  expect(latestTransaction(kasa.simulator)?.status).toBe('new');
});

test('a code past its lifetime is refused as expired', async ({ page, kasa }) => {
  const ttlSeconds = 60;
  const { walletId, code } = walletWithCode(kasa.simulator, 100_00, ttlSeconds);
  await startCashout(page, '40.00');
  kasa.simulator.clock.advance(ttlSeconds + 1);
  await enterCodeByHand(page, code);

  const error = page.getByTestId('error-screen');
  await expect(error).toHaveAttribute('data-error-code', 'CODE_EXPIRED');
  await expect(error).toContainText(askForNewCode);
  expect(kasa.simulator.state.wallet(walletId)?.available).toEqual({ EUR: 100_00 });
  expect(kasa.simulator.state.code(code)?.used).toBe(false);
});

test('after a refusal the cashier can scan again and the next good code pays out', async ({ page, kasa }) => {
  const { walletId, code } = walletWithCode(kasa.simulator, 100_00);
  await startCashout(page, '15.00');
  await enterCodeByHand(page, '0000000000000000000000000002');
  await expect(page.getByTestId('error-screen')).toHaveAttribute('data-error-code', 'INVALID_CODE');

  await page.getByTestId('error-retry').click();
  await expect(page.getByTestId('scan-screen')).toBeVisible();
  await enterCodeByHand(page, code);
  await expect(page.getByTestId('verify-screen')).toBeVisible();
  expect(kasa.simulator.state.transactions().filter((transaction) => transaction.walletId === walletId)).toHaveLength(1);
});
