import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Cashout } from '../../shared/api.ts';
import { checkIdentity, enterCodeByHand, giveCashText, signIn, startCashout } from './support/cashier.ts';
import { giveCashWasSeen, watchForGiveCash } from './support/give-cash-watch.ts';
import { expect, test } from './support/kasa-fixture.ts';
import type { KasaUnderTest } from './support/serve.ts';
import { transactionOf } from './support/wallets.ts';

/**
 * Issue 13, items 4–6: the account holder's name, the hold's countdown and "do not give cash yet".
 * Time on the page runs on Playwright's clock, so the countdown is moved, never waited for.
 */

const amber = 'rgb(255, 244, 214)';
const red = 'rgb(253, 236, 234)';

test.afterEach(({ kasa }) => {
  kasa.simulator.state.clearFaults();
});

test.beforeEach(async ({ page, kasa }) => {
  await watchForGiveCash(page);
  await page.clock.install();
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
});

/** What this spec adds stays clear of the violations accessibility.spec.ts holds every screen to. */
async function expectNoSeriousViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
  expect(serious, state).toEqual([]);
}

/** A €25.00 cash-out on the verify screen, for a wallet of `holderName`; returns the reserve answer. */
async function onVerifyScreen(page: Page, kasa: KasaUnderTest, holderName?: string): Promise<{ walletId: number; reserved: Cashout }> {
  const walletId = kasa.simulator.state.createWallet({ EUR: 100_00 }, holderName === undefined ? {} : { holderName });
  const { code } = kasa.simulator.state.issueCode(walletId);
  await startCashout(page, '25.00');
  const answer = page.waitForResponse((response) => response.url().endsWith('/reserve') && response.request().method() === 'POST');
  await enterCodeByHand(page, code);
  const reserved = (await (await answer).json()) as Cashout;
  await expect(page.getByTestId('verify-screen')).toBeVisible();
  return { walletId, reserved };
}

test("shows the account holder's name above the identity checks", async ({ page, kasa }) => {
  await onVerifyScreen(page, kasa, 'Žydrūnė Vardenytė');
  const holder = page.getByTestId('holder-name');
  await expect(holder).toHaveText('Account holder: Žydrūnė Vardenytė');
  const [holderBox, checksBox] = await Promise.all([holder.boundingBox(), page.getByTestId('check-document').boundingBox()]);
  expect(holderBox && checksBox && holderBox.y < checksBox.y).toBe(true);
});

test('says "name not available" when Paysera refuses the wallet, and the payout goes on', async ({ page, kasa }) => {
  kasa.simulator.state.addFault({ endpoint: 'wallet', kind: 'refuse' });
  const { walletId } = await onVerifyScreen(page, kasa, 'Refused Holder');
  await expect(page.getByTestId('holder-name')).toHaveText('Account holder: name not available');
  await expect(page.getByTestId('verify-screen')).not.toContainText('Refused Holder');
  await checkIdentity(page);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('give-cash-screen')).toContainText(giveCashText('25.00'));
  expect(transactionOf(kasa.simulator, walletId)?.status).toBe('confirmed');
});

test('counts the hold down: amber under 60 s, red under 20 s, then says it lapsed and nothing was paid', async ({ page, kasa }) => {
  const { walletId, reserved } = await onVerifyScreen(page, kasa);
  const expiresAt = Date.parse(reserved.expiresAt ?? '');
  const countdown = page.getByTestId('hold-countdown');
  await expect(countdown).toHaveAttribute('data-urgency', 'calm');
  await expect(countdown).toContainText('Reservation holds for');

  // The page's one-second tick may fall anywhere in a second, so the shown second may be one more.
  await page.clock.pauseAt(expiresAt - 45_000);
  await page.clock.runFor(1000);
  await expect(countdown).toHaveText(/^Less than a minute left: 0:4[45]\.$/);
  await expect(countdown).toHaveAttribute('data-urgency', 'soon');
  await expect(countdown).toHaveCSS('background-color', amber);

  await page.clock.runFor(30_000);
  await expect(countdown).toHaveText(/^Hurry: only 0:1[45] left\.$/);
  await expect(countdown).toHaveAttribute('data-urgency', 'urgent');
  await expect(countdown).toHaveCSS('background-color', red);
  // axe waits on timers of its own, so the clock runs while it looks.
  await page.clock.resume();
  await expectNoSeriousViolations(page, 'red countdown');

  await checkIdentity(page);
  await page.clock.fastForward(15_000);
  await expect(page.getByTestId('hold-lapsed')).toHaveText(/The reservation has lapsed\. Nothing was paid: do not give cash\./);
  await expect(countdown).toHaveCount(0);
  await expect(page.getByTestId('confirm-button')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'lapsed hold');

  await page.getByTestId('cancel-cashout').click();
  await expect(page.getByTestId('amount-display')).toBeVisible();
  expect(transactionOf(kasa.simulator, walletId)?.status).toBe('revoked');
  expect(await giveCashWasSeen(page)).toBe(false);
});

test('says "Do not give cash yet" from the moment Confirm is pressed until Paysera answers', async ({ page, kasa }) => {
  await onVerifyScreen(page, kasa);
  await checkIdentity(page);
  await expect(page.getByTestId('do-not-give-cash')).toHaveCount(0);
  kasa.simulator.state.addFault({ endpoint: 'confirm', kind: 'latency', ms: 3000 });
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('do-not-give-cash')).toHaveText('Do not give cash yet. Wait for Paysera’s answer.');
  await expect(page.getByTestId('do-not-give-cash')).toBeInViewport();
  // The hold's clock no longer speaks while the confirm is out, even past the hold.
  await expect(page.getByTestId('hold-countdown')).toHaveCount(0);
  await expect(page.getByTestId('give-cash-screen')).toContainText(giveCashText('25.00'), { timeout: 15_000 });
  await expect(page.getByTestId('do-not-give-cash')).toHaveCount(0);
});

test('the checking screen keeps saying "Do not give cash yet", shows the reference, and after 30 s says to call a supervisor', async ({ page, kasa }) => {
  const { reserved } = await onVerifyScreen(page, kasa);
  await checkIdentity(page);
  kasa.simulator.state.addFault({ endpoint: 'confirm', kind: 'drop_after' });
  // The read-back fails too, so the outcome stays open while the spec looks.
  kasa.simulator.state.addFault({ endpoint: 'get', kind: 'drop_before', count: 10_000 });
  await page.getByTestId('confirm-button').click();

  await expect(page.getByTestId('checking-screen')).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('do-not-give-cash')).toBeVisible();
  const reference = page.getByTestId('checking-reference');
  await expect(reference).toContainText(reserved.transactionKey ?? 'no key');
  await expect(reference).toContainText(reserved.id);
  await expect(page.getByTestId('call-supervisor')).toHaveCount(0);

  await page.clock.fastForward(30_000);
  await expect(page.getByTestId('call-supervisor')).toHaveText('Still no answer after 30 seconds. Call a supervisor and tell them the reference.');
  await expectNoSeriousViolations(page, 'checking screen with the supervisor hint');
  expect(await giveCashWasSeen(page)).toBe(false);

  kasa.simulator.state.clearFaults();
  await expect(page.getByTestId('give-cash-screen')).toContainText(giveCashText('25.00'), { timeout: 30_000 });
});

test.describe('in Lithuanian', () => {
  test.use({ locale: 'lt-LT' });

  test('names the holder, or says the name is not available, and counts down in Lithuanian', async ({ page, kasa }) => {
    const { reserved } = await onVerifyScreen(page, kasa, 'Ona Onaitienė');
    await expect(page.getByTestId('holder-name')).toHaveText('Sąskaitos savininkas: Ona Onaitienė');
    await page.clock.pauseAt(Date.parse(reserved.expiresAt ?? '') - 10_000);
    await page.clock.runFor(1000);
    await expect(page.getByTestId('hold-countdown')).toHaveText(/^Skubėkite: liko tik 0:(09|10)\.$/);
    await page.getByTestId('cancel-cashout').click();
    await expect(page.getByTestId('amount-display')).toBeVisible();

    kasa.simulator.state.addFault({ endpoint: 'wallet', kind: 'refuse' });
    await page.clock.resume();
    await onVerifyScreen(page, kasa);
    await expect(page.getByTestId('holder-name')).toHaveText('Sąskaitos savininkas: vardas nepasiekiamas');
  });
});
