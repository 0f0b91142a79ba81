import { expect, type Page, test } from '@playwright/test';
import { enterCodeByHand, signIn, startCashout } from './support/cashier.ts';
import { type KasaUnderTest, startKasa } from './support/serve.ts';
import { walletWithCode } from './support/wallets.ts';

let kasa: KasaUnderTest;

test.beforeAll(async () => {
  kasa = await startKasa();
});

test.afterAll(async () => {
  await kasa?.close();
});

/** Every console error and uncaught exception of the page, as Lighthouse's best-practices audit counts them. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Waits until the page has painted twice more, so layout shifts of the last change are reported. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

test('a signed-out start logs no error in the console', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(kasa.origin);
  await expect(page.getByTestId('signin-screen')).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await settle(page);
  expect(errors).toEqual([]);
});

test('the switch from the boot screen to sign-in shifts no layout', async ({ page }) => {
  // Cumulative layout shift as Lighthouse sums it: every shift not caused by the user's input.
  await page.addInitScript(() => {
    const scope = window as unknown as { layoutShift: number };
    scope.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) scope.layoutShift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(kasa.origin);
  await expect(page.getByTestId('signin-screen')).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await settle(page);
  expect(await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift)).toBe(0);
});

test('"the server could not be reached" goes away once the lost answer to the code was recovered', async ({ page }) => {
  const { code } = walletWithCode(kasa.simulator, 100_00);
  await page.goto(kasa.origin);
  await signIn(page, kasa.accounts.cashier);
  await startCashout(page, '20.00');
  // The server reserves, but its answer never reaches the app: the app reads the cash-out back.
  await page.route('**/reserve', async (route) => {
    await route.fetch();
    await route.abort('connectionreset');
  });
  await enterCodeByHand(page, code);
  await expect(page.getByTestId('verify-screen')).toBeVisible();
  await expect(page.getByTestId('inline-error')).toHaveCount(0);
  await expect(page.getByTestId('offline-notice')).toHaveCount(0);
});
