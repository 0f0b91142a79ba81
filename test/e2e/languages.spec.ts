import { expectAccessible } from './support/axe.ts';
import { checkIdentity, enterCodeByHand, signIn, startCashout } from './support/cashier.ts';
import { expect, test } from './support/kasa-fixture.ts';
import { transactionOf, walletWithCode } from './support/wallets.ts';

/**
 * Issue 14's languages: a whole cash-out in each of the five (English, Lithuanian, Latvian,
 * Estonian, Russian), picked by the device's language on first start, with axe clean on every
 * screen and the server's refusal in the language.
 */

/** What each language must show: proof the screens are in it, not in English with a lang attribute. */
const cases = [
  {
    language: 'en',
    locale: 'en-GB',
    signIn: 'Sign in',
    refusal: 'The reservation code is not valid.',
    triesLeft: '2 tries left for this cash-out.',
    confirm: 'Confirm payout',
    give: 'Give €25.00 to the customer',
  },
  {
    language: 'lt',
    locale: 'lt-LT',
    signIn: 'Prisijungti',
    refusal: 'Rezervacijos kodas netinkamas.',
    triesLeft: 'Šiam išmokėjimui liko 2 bandymai.',
    confirm: 'Patvirtinti išmokėjimą',
    give: 'Duokite klientui 25,00 €',
  },
  {
    language: 'lv',
    locale: 'lv-LV',
    signIn: 'Pieteikties',
    refusal: 'Rezervācijas kods nav derīgs.',
    triesLeft: 'Šai izmaksai atlikuši 2 mēģinājumi.',
    confirm: 'Apstiprināt izmaksu',
    give: 'Izsniedziet klientam 25,00 €',
  },
  {
    language: 'et',
    locale: 'et-EE',
    signIn: 'Logi sisse',
    refusal: 'Broneerimiskood ei kehti.',
    triesLeft: 'Selle väljamakse jaoks on jäänud 2 katset.',
    confirm: 'Kinnita väljamakse',
    give: 'Andke kliendile 25,00 €',
  },
  {
    language: 'ru',
    locale: 'ru-RU',
    signIn: 'Войти',
    refusal: 'Неверный код резервирования.',
    triesLeft: 'Для этой выплаты осталось 2 попытки.',
    confirm: 'Подтвердить выплату',
    give: 'Выдайте клиенту 25,00 €',
  },
] as const;

for (const expected of cases) {
  test.describe(`on a device set to ${expected.locale}`, () => {
    test.use({ locale: expected.locale });

    test(`the first start is in ${expected.language}, and a whole cash-out runs in it with axe clean`, async ({ page, kasa }) => {
      const { walletId, code } = walletWithCode(kasa.simulator, 100_00);
      await page.goto(kasa.origin);
      await expect(page.locator('html')).toHaveAttribute('lang', expected.language);
      await expect(page.getByTestId('language-select')).toHaveValue(expected.language);
      await expect(page.getByTestId('login-submit')).toHaveText(expected.signIn);
      await expectAccessible(page, 'signin');

      await signIn(page, kasa.accounts.cashier);
      await expectAccessible(page, 'amount');
      await startCashout(page, '25.00');
      await page.getByTestId('manual-entry-open').click();
      await expectAccessible(page, 'scan');

      await page.getByTestId('manual-code-input').fill('0000000000000000000000000003');
      await page.getByTestId('manual-code-submit').click();
      await expect(page.getByTestId('error-screen')).toContainText(expected.refusal);
      await expect(page.getByTestId('tries-left')).toHaveText(expected.triesLeft);
      await expectAccessible(page, 'error');

      await page.getByTestId('error-retry').click();
      await enterCodeByHand(page, code);
      await expectAccessible(page, 'verify');
      await checkIdentity(page);
      await expect(page.getByTestId('confirm-button')).toHaveText(expected.confirm);
      await page.getByTestId('confirm-button').click();
      await expect(page.getByTestId('give-cash-screen')).toContainText(expected.give);
      await expectAccessible(page, 'give-cash');
      expect(transactionOf(kasa.simulator, walletId)?.status).toBe('confirmed');
    });
  });
}

test.describe('on a device set to German, then Russian', () => {
  test.use({ locale: 'de-DE' });

  test('a language Kasa does not speak starts in English, and the cashier’s choice is kept across reloads', async ({ page, kasa }) => {
    await page.goto(kasa.origin);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('login-submit')).toHaveText('Sign in');

    await page.getByTestId('language-select').selectOption('ru');
    await expect(page.getByTestId('login-submit')).toHaveText('Войти');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await page.reload();
    await expect(page.getByTestId('login-submit')).toHaveText('Войти');
    await expect(page.getByTestId('language-select')).toHaveValue('ru');
  });
});

test.describe('on a device set to Lithuanian', () => {
  test.use({ locale: 'lt-LT' });

  test('the service worker precaches every lazily loaded language, so a later switch works offline', async ({ page, context, kasa }) => {
    await page.goto(kasa.origin);
    await expect(page.getByTestId('login-submit')).toHaveText('Prisijungti');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (navigator.serviceWorker.controller) return;
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    for (const language of ['lv', 'et', 'ru']) {
      expect(cached.some((url) => new RegExp(`^/assets/${language}-(?!errors-)[\\w-]+\\.js$`).test(url)), language).toBe(true);
      expect(cached.some((url) => new RegExp(`^/assets/${language}-errors-[\\w-]+\\.js$`).test(url)), `${language} errors`).toBe(true);
    }

    await context.setOffline(true);
    await page.getByTestId('language-select').selectOption('et');
    await expect(page.getByTestId('login-submit')).toHaveText('Logi sisse');
  });
});
