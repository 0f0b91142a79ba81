import { checkIdentity, signIn, startCashout } from './support/cashier.ts';
import { expectFits } from './support/fit.ts';
import { test } from './support/kasa-fixture.ts';
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
