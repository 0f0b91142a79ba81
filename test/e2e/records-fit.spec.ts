import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { checkIdentity, enterCodeByHand, signIn, startCashout } from './support/cashier.ts';
import { expect, test } from './support/kasa-fixture.ts';
import { walletWithCode } from './support/wallets.ts';
import { type Language, languages } from '../../web/settings.ts';

/** Issue 13, item 10: history, report and settings at 360 px in every language, and history paged. */

const phone = { width: 360, height: 740 };

async function useLanguage(page: Page, language: Language): Promise<void> {
  await page.addInitScript((chosen) => {
    if (!localStorage.getItem('kasa.settings')) localStorage.setItem('kasa.settings', JSON.stringify({ language: chosen }));
  }, language);
}

/**
 * Everything the screen shows that a cashier cannot read whole: a text that runs past the page or
 * out of a box that clips or scrolls it (the table's wrapper), and a select whose chosen option is
 * wider than the select.
 */
async function clippedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const pageWidth = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > pageWidth) problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (text === '' || !parent || parent.closest('select') || parent.getClientRects().length === 0) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      let clip = { left: 0, right: pageWidth };
      for (let ancestor: HTMLElement | null = parent; ancestor; ancestor = ancestor.parentElement) {
        if (getComputedStyle(ancestor).overflowX !== 'visible') {
          const rect = ancestor.getBoundingClientRect();
          clip = { left: Math.max(clip.left, rect.left), right: Math.min(clip.right, rect.right) };
        }
      }
      if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5) problems.push(`"${text}" is cut off`);
    }
    for (const select of document.querySelectorAll('select')) {
      const chosen = select.selectedOptions[0]?.textContent ?? '';
      const probe = document.createElement('span');
      const style = getComputedStyle(select);
      probe.style.font = style.font;
      probe.style.whiteSpace = 'pre';
      probe.style.position = 'absolute';
      probe.textContent = chosen;
      document.body.append(probe);
      const needed = probe.getBoundingClientRect().width;
      probe.remove();
      // What the select leaves for its text: its inner width less padding and the drop-down arrow (about 20 px).
      const room = select.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) - 20;
      if (needed > room) problems.push(`the option "${chosen}" is cut off`);
    }
    return problems;
  });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
}

async function confirmedCashout(page: Page, simulator: Parameters<typeof walletWithCode>[0], amount: string): Promise<void> {
  const { code } = walletWithCode(simulator, 1000_00);
  await startCashout(page, amount);
  await enterCodeByHand(page, code);
  await checkIdentity(page);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('give-cash-screen')).toBeVisible();
  await page.getByTestId('new-cashout').click();
}

for (const language of languages) {
  test(`history, report and settings show everything whole at 360 px, in ${language}`, async ({ page, kasa }) => {
    await page.setViewportSize(phone);
    await useLanguage(page, language);
    await page.goto(kasa.origin);
    await signIn(page, kasa.accounts.supervisor);
    await confirmedCashout(page, kasa.simulator, '299.99');

    await page.getByTestId('history-open').click();
    await expect(page.locator('.table tbody tr').first()).toBeVisible();
    const history = await clippedTexts(page);

    await page.goto(kasa.origin);
    await page.getByTestId('report-open').click();
    await expect(page.locator('#report-totals')).toBeVisible();
    const report = await clippedTexts(page);

    await page.goto(kasa.origin);
    await page.getByTestId('settings-open').click();
    await expect(page.getByTestId('settings-screen')).toBeVisible();
    expect({ history, report, settings: await clippedTexts(page) }).toEqual({ history: [], report: [], settings: [] });
  });
}

test('history is paged, newest first, and a row opens its cash-out', async ({ page, kasa }) => {
  await page.setViewportSize(phone);
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
  // Enough cash-outs for a second page, created and cancelled through the API as the app would.
  const ids = await page.evaluate(async () => {
    const post = (path: string, body: unknown) =>
      fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((response) => response.json());
    for (let index = 0; index < 11; index += 1) {
      const created = (await post('/api/cashouts', { amount: `${index + 1}.00`, currency: 'EUR' })) as { id: string };
      await post(`/api/cashouts/${created.id}/cancel`, {});
    }
    const today = new Date().toLocaleDateString('sv');
    const history = (await (await fetch(`/api/cashouts?date=${today}`)).json()) as { cashouts: { id: string; createdAt: string }[] };
    return history.cashouts.map((cashout) => cashout.id);
  });
  expect(ids.length).toBeGreaterThan(10);

  await page.getByTestId('history-open').click();
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(10);
  await expect(page.getByTestId('history-position')).toHaveText(`1–10 of ${ids.length}`);
  await expect(page.getByTestId('history-newer')).toBeDisabled();
  // The newest, the last one created above: 11.00.
  await expect(rows.first()).toContainText('€11.00');
  await expect(rows.nth(1)).toContainText('€10.00');
  expect(await seriousViolations(page), 'history').toEqual([]);

  await page.getByTestId('history-older').click();
  await expect(page.getByTestId('history-position')).toHaveText(`11–${Math.min(20, ids.length)} of ${ids.length}`);
  await expect(rows.first()).toContainText('€1.00');
  await rows.first().getByRole('button').click();
  await expect(page.getByTestId('cashout-record-screen')).toBeVisible();
  await expect(page.getByTestId('receipt-reference')).toHaveText(ids[10] ?? '');
  await expect(page.getByTestId('record-status')).toHaveText('Cancelled');
  await expect(page.getByTestId('record-print')).toHaveCount(0);
  expect(await seriousViolations(page), 'cash-out record').toEqual([]);

  await page.getByRole('button', { name: '← Back' }).click();
  await expect(page.getByTestId('history-position')).toHaveText(`11–${Math.min(20, ids.length)} of ${ids.length}`);
});
