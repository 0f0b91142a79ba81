import type { Page } from '@playwright/test';
import { checkIdentity, signIn, startCashout } from './support/cashier.ts';
import { expect, test } from './support/kasa-fixture.ts';
import { walletWithCode } from './support/wallets.ts';
import { languages } from '../../web/settings.ts';

/**
 * Issue 13's layout check over every screen of a cash-out and the records, at 320, 360, 390 and
 * 1024 px, in every language: no amount is broken over two lines, no text is clipped sideways, and
 * the buttons the issue names (sign-in, Continue, Confirm) are on screen without scrolling.
 */

const viewports = [
  { width: 320, height: 568 },
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
];

/** An amount as either language writes it: "€1,000.00", "1 000,00 €", "£250.00". */
const moneyPattern = /[€£$]\s?\d[\d,.\u00a0\u202f ]*\d|\d[\d,.\u00a0\u202f ]*\d\s?[€£$]/g;

async function fitProblems(page: Page, mainButton: string | null): Promise<string[]> {
  return page.evaluate(
    ({ pattern, mainButton }) => {
      const problems: string[] = [];
      const root = document.documentElement;
      if (root.scrollWidth > root.clientWidth) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.getClientRects().length === 0 || getComputedStyle(parent).visibility === 'hidden') continue;
        for (const match of (node.textContent ?? '').matchAll(new RegExp(pattern, 'g'))) {
          const range = document.createRange();
          range.setStart(node, match.index ?? 0);
          range.setEnd(node, (match.index ?? 0) + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
          if (lines.size > 1) problems.push(`"${match[0]}" is broken over ${lines.size} lines`);
        }
      }
      for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
        if (element.getClientRects().length === 0 || ['INPUT', 'SELECT', 'TEXTAREA', 'VIDEO', 'CANVAS', 'svg'].includes(element.tagName)) continue;
        const style = getComputedStyle(element);
        if (style.overflowX !== 'visible' && element.scrollWidth > element.clientWidth + 1 && element.textContent?.trim()) {
          problems.push(`${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 40)}" is clipped: ${element.scrollWidth} > ${element.clientWidth}`);
        }
      }
      if (mainButton !== null) {
        const box = document.querySelector(`[data-testid="${mainButton}"]`)?.getBoundingClientRect();
        if (!box) problems.push(`${mainButton} is missing`);
        else if (window.scrollY !== 0 || box.top < 0 || box.bottom > window.innerHeight) {
          problems.push(`${mainButton} is not on screen without scrolling: ${Math.round(box.top)} to ${Math.round(box.bottom)} of ${window.innerHeight}`);
        }
      }
      return problems;
    },
    { pattern: moneyPattern.source, mainButton },
  );
}

async function expectFits(page: Page, screen: string, mainButton: string | null = null): Promise<void> {
  await expect(page.getByTestId(`${screen}-screen`)).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await fitProblems(page, mainButton), screen).toEqual([]);
}

for (const language of languages) {
  for (const viewport of viewports) {
    test(`every screen fits at ${viewport.width} px in ${language}`, async ({ page, kasa }) => {
      await page.setViewportSize(viewport);
      await page.goto(kasa.origin);
      await page.getByTestId('language-select').selectOption(language);
      await expectFits(page, 'signin', 'login-submit');
      await signIn(page, kasa.accounts.supervisor);
      await page.keyboard.type('1000.00');
      await expectFits(page, 'amount', 'amount-submit');
      for (let i = 0; i < 7; i += 1) await page.keyboard.press('Backspace');

      const { code } = walletWithCode(kasa.simulator, 100_00);
      await startCashout(page, '12.50');
      await page.getByTestId('manual-entry-open').click();
      await expectFits(page, 'scan');
      await page.getByTestId('manual-code-input').fill('1234567890123456789012345678');
      await page.getByTestId('manual-code-submit').click();
      await expectFits(page, 'error');
      await page.getByTestId('error-retry').click();
      await page.getByTestId('manual-entry-open').click();
      await page.getByTestId('manual-code-input').fill(code);
      await page.getByTestId('manual-code-submit').click();
      await checkIdentity(page);
      await expectFits(page, 'verify', 'confirm-button');
      await page.getByTestId('confirm-button').click();
      await expectFits(page, 'give-cash');

      await page.getByTestId('new-cashout').click();
      await page.getByTestId('history-open').click();
      await expectFits(page, 'history');
      await page.goto(kasa.origin);
      await page.getByTestId('report-open').click();
      await expectFits(page, 'report');
      await page.goto(kasa.origin);
      await page.getByTestId('settings-open').click();
      await expectFits(page, 'settings');
    });
  }
}
