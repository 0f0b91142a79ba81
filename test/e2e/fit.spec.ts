import type { Page } from '@playwright/test';
import { enterCodeByHand, signIn, startCashout } from './support/cashier.ts';
import { expect, test } from './support/kasa-fixture.ts';
import { startKasa } from './support/serve.ts';
import { walletWithCode } from './support/wallets.ts';
import { type Language, languages } from '../../web/settings.ts';

/**
 * Issue 13, items 1 and 9: the amount stays on one line and Continue stays on screen at every
 * phone and tablet size, and the supervisor's approval form fits one phone screen with its submit
 * (and the Confirm under it) visible, in every language.
 */

const amountViewports = [
  { width: 320, height: 568 },
  { width: 568, height: 320 },
  { width: 360, height: 740 },
  { width: 740, height: 360 },
  { width: 390, height: 844 },
  { width: 844, height: 390 },
  { width: 1024, height: 768 },
];

const approvalViewports = [
  { width: 320, height: 568 },
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
];

/** The issue saw "€1,000. / 00" at 360 px and "350,00 / €" in Lithuanian; the last is the widest the keypad takes. */
const amounts = ['1000.00', '350.00', '0.5', '99999999.99'];

interface FitProblem {
  what: string;
  problem: string;
}

/**
 * For each test id: the text must sit in one line box, nothing may be clipped sideways, and the
 * ones named in `onScreen` must lie inside the viewport with the page not scrolled.
 */
async function fitProblems(page: Page, oneLine: string[], onScreen: string[]): Promise<FitProblem[]> {
  return page.evaluate(
    ({ oneLine, onScreen }) => {
      const problems: { what: string; problem: string }[] = [];
      const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      for (const id of oneLine) {
        const element = byTestId(id);
        if (!element) {
          problems.push({ what: id, problem: 'missing' });
          continue;
        }
        const range = document.createRange();
        range.selectNodeContents(element);
        const lineTops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
        if (lineTops.size !== 1) problems.push({ what: `${id} "${element.textContent}"`, problem: `${lineTops.size} lines` });
        for (const box of [element, ...element.querySelectorAll<HTMLElement>('*')]) {
          if (box.scrollWidth > box.clientWidth) problems.push({ what: `${id} "${element.textContent}"`, problem: `clipped: ${box.scrollWidth} > ${box.clientWidth}` });
        }
      }
      if (window.scrollY !== 0) problems.push({ what: 'page', problem: `scrolled by ${window.scrollY}` });
      const root = document.documentElement;
      if (root.scrollWidth > root.clientWidth) problems.push({ what: 'page', problem: `scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}` });
      for (const button of document.querySelectorAll('button')) {
        const box = button.getBoundingClientRect();
        if (box.left < 0 || box.right > root.clientWidth) problems.push({ what: `button "${button.textContent}"`, problem: `cut off at the side: ${Math.round(box.left)} to ${Math.round(box.right)}` });
      }
      for (const id of onScreen) {
        const box = byTestId(id)?.getBoundingClientRect();
        if (!box) problems.push({ what: id, problem: 'missing' });
        else if (box.top < 0 || box.left < 0 || box.bottom > window.innerHeight || box.right > window.innerWidth) {
          problems.push({ what: id, problem: `outside the ${window.innerWidth}×${window.innerHeight} viewport: ${Math.round(box.left)},${Math.round(box.top)} to ${Math.round(box.right)},${Math.round(box.bottom)}` });
        }
      }
      return problems;
    },
    { oneLine, onScreen },
  );
}

/** Elements of the form wider than their box: text cut off or pushed out sideways. */
async function clippedInside(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).evaluate((form) =>
    [form, ...form.querySelectorAll<HTMLElement>('*')]
      .filter((element) => element.scrollWidth > element.clientWidth)
      .map((element) => `${element.tagName.toLowerCase()} "${element.textContent?.slice(0, 30)}": ${element.scrollWidth} > ${element.clientWidth}`),
  );
}

/**
 * How tall the approval form is from its top to the bottom of Confirm below it: the supervisor
 * and the cashier must see all of it at once, so it must not be taller than the viewport.
 */
async function approvalSpan(page: Page): Promise<{ fits: boolean; span: number; viewport: number }> {
  return page.evaluate(() => {
    const boxOf = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
    const form = boxOf('approval-form');
    const confirm = boxOf('confirm-button');
    if (!form || !confirm) return { fits: false, span: Number.NaN, viewport: window.innerHeight };
    const span = Math.max(form.bottom, confirm.bottom) - form.top;
    return { fits: span <= window.innerHeight, span: Math.round(span), viewport: window.innerHeight };
  });
}

async function signInIn(page: Page, origin: string, language: Language, account: { username: string; password: string }): Promise<void> {
  await page.goto(origin);
  await page.getByTestId('language-select').selectOption(language);
  await signIn(page, account);
}

async function typeOnKeyboard(page: Page, amount: string): Promise<void> {
  for (const character of amount) await page.keyboard.press(character);
}

async function clearAmount(page: Page): Promise<void> {
  const display = page.getByTestId('amount-display');
  for (let presses = 0; presses < 12; presses += 1) await page.keyboard.press('Backspace');
  await expect(display).toHaveClass(/amount-display--empty/);
}

for (const language of languages) {
  test(`the amount fits on one line with Continue on screen at every size, in ${language}`, async ({ page, kasa }) => {
    // A supervisor's menu has the most entries, so theirs is the tallest top bar above the keypad.
    await signInIn(page, kasa.origin, language, kasa.accounts.supervisor);
    for (const viewport of amountViewports) {
      await page.setViewportSize(viewport);
      const size = `${viewport.width}×${viewport.height}`;
      expect(await fitProblems(page, ['amount-display'], ['amount-submit']), `empty at ${size}`).toEqual([]);
      for (const amount of amounts) {
        await typeOnKeyboard(page, amount);
        await expect(page.getByTestId('amount-display')).not.toHaveClass(/amount-display--empty/);
        expect(await fitProblems(page, ['amount-display'], ['amount-submit']), `${amount} at ${size}`).toEqual([]);
        await clearAmount(page);
      }
    }
  });

  test(`the supervisor's approval form and Confirm below it fit one screen, in ${language}`, async ({ page, kasa }) => {
    const { code } = walletWithCode(kasa.simulator, 2_000_00);
    await signInIn(page, kasa.origin, language, kasa.accounts.cashier);
    await startCashout(page, '999.99');
    await enterCodeByHand(page, code);
    await expect(page.getByTestId('approval-form')).toBeVisible();
    for (const viewport of approvalViewports) {
      await page.setViewportSize(viewport);
      const size = `${viewport.width}×${viewport.height}`;
      expect(await clippedInside(page, 'approval-form'), size).toEqual([]);
      expect(await approvalSpan(page), size).toMatchObject({ fits: true });
    }
  });
}

test('the amount screen says a supervisor must approve as soon as the amount reaches the threshold', async ({ page, kasa }) => {
  await signInIn(page, kasa.origin, 'en', kasa.accounts.cashier);
  const limits = page.getByTestId('amount-limits');
  await typeOnKeyboard(page, '299.99');
  await expect(limits).toHaveText('Up to €1,000.00. A supervisor approves from €300.00.');
  await clearAmount(page);
  await typeOnKeyboard(page, '300');
  await expect(limits).toHaveText('Needs a supervisor’s approval (from €300.00).');
  await typeOnKeyboard(page, '.5');
  await expect(limits).toHaveText('Needs a supervisor’s approval (from €300.00).');
  await clearAmount(page);
  await expect(limits).toHaveText('Up to €1,000.00. A supervisor approves from €300.00.');
  await typeOnKeyboard(page, '1000.01');
  await expect(limits).toHaveText('Above the limit of €1,000.00.');
  await clearAmount(page);
  // Larger than any amount the server takes at all, yet the keypad lets it be typed: it is over the limit too.
  await typeOnKeyboard(page, '99999999.99');
  await expect(limits).toHaveText('Above the limit of €1,000.00.');
  await expect(page.getByTestId('amount-submit')).toBeDisabled();
});

test('the approval notice is in Lithuanian too', async ({ page, kasa }) => {
  await signInIn(page, kasa.origin, 'lt', kasa.accounts.cashier);
  await typeOnKeyboard(page, '1000');
  await expect(page.getByTestId('amount-limits')).toHaveText('Reikės vadovo patvirtinimo (nuo 300,00 €).');
});

test('with two currencies the notice follows the chosen one, and the amount still fits beside the select', async ({ page }) => {
  const kasa = await startKasa({ CURRENCIES: 'EUR,GBP', MAX_AMOUNT_GBP: '500.00', SUPERVISOR_THRESHOLD_GBP: '250.00' });
  try {
    await page.setViewportSize({ width: 320, height: 568 });
    await signInIn(page, kasa.origin, 'en', kasa.accounts.supervisor);
    const limits = page.getByTestId('amount-limits');
    await typeOnKeyboard(page, '260');
    await expect(limits).toHaveText('Up to €1,000.00. A supervisor approves from €300.00.');
    await page.getByLabel('Currency').selectOption('GBP');
    await expect(limits).toHaveText('Needs a supervisor’s approval (from £250.00).');
    // Keys pressed while the select has the focus belong to the select, not to the keypad.
    await page.getByTestId('amount-display').click();
    await clearAmount(page);
    await typeOnKeyboard(page, '499.99');
    expect(await fitProblems(page, ['amount-display'], ['amount-submit'])).toEqual([]);
  } finally {
    await kasa.close();
  }
});
