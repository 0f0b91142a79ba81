import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

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

/** The screen is shown and axe finds nothing serious or critical on the page. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByTestId(`${screen}-screen`)).toBeVisible();
  expect(await seriousViolations(page), screen).toEqual([]);
}
