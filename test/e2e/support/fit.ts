import { expect, type Page } from '@playwright/test';

/**
 * Issue 13's layout check, shared by the specs that walk screens at phone sizes: no amount is
 * broken over two lines, no text is clipped sideways, and the main button is on screen.
 */

/** An amount as either language writes it: "€1,000.00", "1 000,00 €", "£250.00". */
const moneyPattern = /[€£$]\s?\d[\d,.\u00a0\u202f ]*\d|\d[\d,.\u00a0\u202f ]*\d\s?[€£$]/g;

export async function fitProblems(page: Page, mainButton: string | null): Promise<string[]> {
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

/** The screen is shown and fits: nothing clipped or broken, and `mainButton` (if named) on screen without scrolling. */
export async function expectFits(page: Page, screen: string, mainButton: string | null = null): Promise<void> {
  await expect(page.getByTestId(`${screen}-screen`)).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await fitProblems(page, mainButton), screen).toEqual([]);
}
