import type { Page } from '@playwright/test';
import { checkIdentity, enterCodeByHand, giveCashText, signIn, startCashout } from './support/cashier.ts';
import { giveCashWasSeen, watchForGiveCash } from './support/give-cash-watch.ts';
import { expect, test } from './support/kasa-fixture.ts';
import type { KasaUnderTest } from './support/serve.ts';
import { transactionOf, walletWithCode } from './support/wallets.ts';

test.afterEach(({ kasa }) => {
  kasa.simulator.state.clearFaults();
});

test.beforeEach(async ({ page, kasa }) => {
  await watchForGiveCash(page);
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
});

/** Brings a €25.00 cash-out to the verify screen with the identity checks ticked; returns its wallet. */
async function readyToConfirm(page: Page, kasa: KasaUnderTest): Promise<number> {
  const { walletId, code } = walletWithCode(kasa.simulator, 100_00);
  await startCashout(page, '25.00');
  await enterCodeByHand(page, code);
  await expect(page.getByTestId('verify-screen')).toBeVisible();
  await checkIdentity(page);
  return walletId;
}

test('a confirm answer lost after Paysera committed shows "checking", then "give cash"', async ({ page, kasa }) => {
  const walletId = await readyToConfirm(page, kasa);
  kasa.simulator.state.addFault({ endpoint: 'confirm', kind: 'drop_after' });
  // Reading the transaction back fails too, until the spec lifts it: the server cannot know yet.
  kasa.simulator.state.addFault({ endpoint: 'get', kind: 'drop_before', count: 10_000 });
  await page.getByTestId('confirm-button').click();

  await expect(page.getByTestId('checking-screen')).toBeVisible({ timeout: 45_000 });
  expect(transactionOf(kasa.simulator, walletId)?.status).toBe('confirmed');
  expect(await giveCashWasSeen(page)).toBe(false);

  kasa.simulator.state.clearFaults();
  await expect(page.getByTestId('give-cash-screen')).toContainText(giveCashText('25.00'), { timeout: 30_000 });
});

test('a confirm lost before Paysera saw it is sent once more, and cash is given only once Paysera confirmed', async ({ page, kasa }) => {
  const walletId = await readyToConfirm(page, kasa);
  kasa.simulator.state.addFault({ endpoint: 'confirm', kind: 'drop_before' });
  await page.getByTestId('confirm-button').click();

  await expect(page.getByTestId('give-cash-screen')).toContainText(giveCashText('25.00'), { timeout: 30_000 });
  expect(transactionOf(kasa.simulator, walletId)).toMatchObject({ status: 'confirmed', confirmCount: 1 });
  expect(await giveCashWasSeen(page)).toBe(true);
});

test('a confirm that never reaches Paysera never shows "give cash"', async ({ page, kasa }) => {
  const walletId = await readyToConfirm(page, kasa);
  kasa.simulator.state.addFault({ endpoint: 'confirm', kind: 'drop_before', count: 2 });
  await page.getByTestId('confirm-button').click();

  // Both the confirm and the one re-send are lost; the server reads back "reserved" and says so.
  await expect.poll(() => kasa.simulator.state.faults()[0]?.remaining).toBe(0);
  await expect(page.getByTestId('verify-screen')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('check-document')).not.toBeChecked({ timeout: 30_000 });
  expect(transactionOf(kasa.simulator, walletId)).toMatchObject({ status: 'reserved', confirmCount: 0 });
  expect(await giveCashWasSeen(page)).toBe(false);

  // Nothing was paid, so the same cash-out can still be confirmed once the network is back.
  await checkIdentity(page);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('give-cash-screen')).toContainText(giveCashText('25.00'));
  expect(transactionOf(kasa.simulator, walletId)).toMatchObject({ status: 'confirmed', confirmCount: 1 });
});
