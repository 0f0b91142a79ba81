import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { approveAsSupervisor, checkIdentity, enterCodeByHand, signIn, startCashout } from './support/cashier.ts';
import { expect, test } from './support/kasa-fixture.ts';
import { walletWithCode } from './support/wallets.ts';

/** The violations a cashier with a disability would actually be blocked by; minor and moderate ones are left to review. */
async function seriousViolations(page: Page): Promise<{ id: string; impact: string; targets: string[] }[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? '',
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByTestId(`${screen}-screen`)).toBeVisible();
  expect(await seriousViolations(page), screen).toEqual([]);
}

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
