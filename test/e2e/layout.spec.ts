import type { Page } from '@playwright/test';
import { checkIdentity, enterCodeByHand, giveCashText, signIn, startCashout } from './support/cashier.ts';
import { expect, test } from './support/kasa-fixture.ts';
import { walletWithCode } from './support/wallets.ts';

/** WCAG 2.5.5 (AAA) and Android's guideline: a finger needs 48 × 48 CSS px. */
const minTarget = 48;

const devices = [
  { name: '360 px phone, portrait', viewport: { width: 360, height: 740 } },
  { name: '360 px phone, rotated', viewport: { width: 740, height: 360 } },
  { name: '1280 px tablet, landscape', viewport: { width: 1280, height: 800 } },
  { name: '1280 px tablet, rotated', viewport: { width: 800, height: 1280 } },
] as const;

interface LayoutProblem {
  what: string;
  width: number;
  height: number;
}

/**
 * Every visible control of the screen, measured: buttons, links and fields directly, a checkbox
 * or radio by its label (the label is what the finger presses). Also the page's own width, which
 * must not scroll sideways.
 */
async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate((min) => {
    const problems: { what: string; width: number; height: number }[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push({ what: 'page scrolls sideways', width: root.scrollWidth, height: root.clientWidth });
    for (const element of document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [role="button"]')) {
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none' || element.getClientRects().length === 0) continue;
      const input = element instanceof HTMLInputElement ? element : null;
      const target = input && (input.type === 'checkbox' || input.type === 'radio') ? (input.closest('label') ?? input.labels?.[0] ?? input) : element;
      const box = target.getBoundingClientRect();
      if (box.width < min || box.height < min) {
        const name = element.dataset.testid ?? element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30) ?? element.tagName;
        problems.push({ what: `${element.tagName.toLowerCase()} "${name}"`, width: Math.round(box.width), height: Math.round(box.height) });
      }
    }
    return problems;
  }, minTarget);
}

async function expectUsable(page: Page, screen: string): Promise<void> {
  await expect(page.getByTestId(`${screen}-screen`)).toBeVisible();
  expect(await layoutProblems(page), screen).toEqual([]);
}

for (const { name, viewport } of devices) {
  test(`a whole cash-out fits and is touchable on a ${name}`, async ({ page, kasa }) => {
    await page.setViewportSize(viewport);
    const { code } = walletWithCode(kasa.simulator, 100_00);
    await page.goto(kasa.origin);
    await expectUsable(page, 'signin');
    await signIn(page, kasa.accounts.cashier);
    await expectUsable(page, 'amount');
    await startCashout(page, '12.50');
    await page.getByTestId('manual-entry-open').click();
    await expectUsable(page, 'scan');
    await page.getByTestId('manual-code-input').fill(code);
    await page.getByTestId('manual-code-submit').click();
    await expectUsable(page, 'verify');
    await expect(page.getByTestId('verify-amount')).toBeInViewport();
    await checkIdentity(page);
    await page.getByTestId('confirm-button').click();
    await expect(page.getByTestId('give-cash-screen')).toContainText(giveCashText('12.50'));
    await expectUsable(page, 'give-cash');
    await page.getByTestId('new-cashout').click();
    await page.getByTestId('history-open').click();
    await expectUsable(page, 'history');
    await page.goto(kasa.origin);
    await page.getByTestId('settings-open').click();
    await expectUsable(page, 'settings');
  });
}

test('a refused code, on the smallest phone', async ({ page, kasa }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
  await startCashout(page, '5.00');
  await enterCodeByHand(page, '0000000000000000000000000004');
  await expectUsable(page, 'error');
});
