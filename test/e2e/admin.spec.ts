import { type Page, expect, test } from '@playwright/test';
import type { DemoCredentials } from '../../server/demo-accounts.ts';
import { passwordAlphabet } from '../../web/password-generator.ts';
import { languages } from '../../web/settings.ts';
import { expectAccessible } from './support/axe.ts';
import { expectFits } from './support/fit.ts';
import { type KasaUnderTest, startKasa } from './support/serve.ts';

/**
 * The administrator's screens against the real server: accounts (add with a generated password,
 * reset it, change the role, disable) as seen from a second browser where that account signs in,
 * and locations (add, rename, clear the Paysera id, disable). All on a 320 × 568 phone.
 */

const admin: DemoCredentials = { username: 'e2e-admin', password: 'admin-e2e-password' };
const phone = { width: 320, height: 568 };
let kasa: KasaUnderTest;

test.beforeAll(async () => {
  kasa = await startKasa({}, { admin });
});

test.afterAll(async () => {
  await kasa?.close();
});

test.use({ viewport: phone });

async function signIn(page: Page, account: DemoCredentials): Promise<void> {
  await page.getByTestId('login-username').fill(account.username);
  await page.getByTestId('login-password').fill(account.password);
  await page.getByTestId('login-submit').click();
}

async function openAdminScreen(page: Page, screen: 'accounts' | 'locations'): Promise<void> {
  await page.getByTestId('settings-open').click();
  await page.getByTestId(`${screen}-open`).click();
  await expect(page.getByTestId(`${screen}-screen`)).toBeVisible();
}

async function readNewPassword(page: Page): Promise<string> {
  const password = (await page.getByTestId('new-password').textContent()) ?? '';
  expect(password.length).toBeGreaterThanOrEqual(16);
  expect([...password].every((character) => passwordAlphabet.includes(character)), password).toBe(true);
  return password;
}

test('an admin adds a cashier with a generated password, resets it, changes the role and disables the account', async ({ page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(kasa.origin);
  await signIn(page, admin);
  await openAdminScreen(page, 'accounts');
  await expect(page.getByTestId(`account-row-${admin.username}`)).toContainText('Administrator');
  await expectAccessible(page, 'accounts');
  await expectFits(page, 'accounts', 'accounts-add');

  await page.getByTestId('accounts-add').click();
  await page.getByTestId('accounts-new-username').fill('field-cashier');
  await expectAccessible(page, 'accounts');
  await expectFits(page, 'accounts');
  await page.getByTestId('accounts-new-submit').click();
  const first = await readNewPassword(page);
  await expectAccessible(page, 'accounts');
  await expectFits(page, 'accounts', 'new-password-done');
  await page.getByTestId('new-password-copy').click();
  await expect(page.getByText('Password copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
  await page.getByTestId('new-password-done').click();
  await expect(page.getByTestId('admin-notice')).toHaveText('Account field-cashier created.');
  await expect(page.getByTestId('account-row-field-cashier')).toContainText('Cashier');
  await expect(page.getByTestId('new-password')).toHaveCount(0);

  const cashierContext = await browser.newContext({ viewport: phone });
  const cashier = await cashierContext.newPage();
  await cashier.goto(kasa.origin);
  await signIn(cashier, { username: 'field-cashier', password: first });
  await expect(cashier.getByTestId('amount-screen')).toBeVisible();
  await expect(cashier.getByTestId('report-open')).toHaveCount(0);

  await page.getByTestId('account-open-field-cashier').click();
  await expectAccessible(page, 'accounts');
  await expectFits(page, 'accounts');
  await page.getByTestId('accounts-reset-submit').click();
  const second = await readNewPassword(page);
  expect(second).not.toBe(first);
  await page.getByTestId('new-password-done').click();
  await expect(page.getByTestId('admin-notice')).toContainText('signed out everywhere');

  await cashier.reload();
  await expect(cashier.getByTestId('signin-screen')).toBeVisible();
  await signIn(cashier, { username: 'field-cashier', password: first });
  await expect(cashier.getByTestId('inline-error')).toHaveAttribute('data-error-code', 'INVALID_CREDENTIALS');
  await signIn(cashier, { username: 'field-cashier', password: second });
  await expect(cashier.getByTestId('amount-screen')).toBeVisible();

  await page.getByTestId('account-open-field-cashier').click();
  await page.getByTestId('accounts-edit-role').selectOption('supervisor');
  await page.getByTestId('accounts-edit-role-submit').click();
  await expect(page.getByTestId('admin-notice')).toHaveText('field-cashier is now: Supervisor.');
  await expect(page.getByTestId('account-row-field-cashier')).toContainText('Supervisor');
  await cashier.reload();
  await expect(cashier.getByTestId('report-open')).toBeVisible();

  await page.getByTestId('account-open-field-cashier').click();
  await page.getByTestId('accounts-disable').click();
  await expect(page.getByTestId('accounts-disable-confirm')).toContainText('signs field-cashier out on every device at once');
  await expectAccessible(page, 'accounts');
  await expectFits(page, 'accounts');
  await page.getByTestId('accounts-disable-yes').click();
  await expect(page.getByTestId('account-row-field-cashier')).toContainText('Disabled');

  await cashier.reload();
  await expect(cashier.getByTestId('signin-screen')).toBeVisible();
  await signIn(cashier, { username: 'field-cashier', password: second });
  await expect(cashier.getByTestId('inline-error')).toHaveAttribute('data-error-code', 'INVALID_CREDENTIALS');
  await cashierContext.close();
});

test('an admin adds a location with a Paysera id, renames it, clears the id and disables it', async ({ page }) => {
  await page.goto(kasa.origin);
  await signIn(page, admin);
  await openAdminScreen(page, 'locations');
  await expectAccessible(page, 'locations');

  await page.getByTestId('locations-add').click();
  await page.getByTestId('locations-name').fill('Field bag 3');
  await page.getByTestId('locations-paysera').fill('bag-3');
  await expectAccessible(page, 'locations');
  await expectFits(page, 'locations');
  await page.getByTestId('locations-save').click();
  await expect(page.getByTestId('location-row-Field bag 3')).toContainText('bag-3');
  await expectFits(page, 'locations');

  await page.getByTestId('location-open-Field bag 3').click();
  await page.getByTestId('locations-name').fill('Field bag 3 north');
  await page.getByTestId('locations-save').click();
  await expect(page.getByTestId('location-row-Field bag 3 north')).toContainText('bag-3');

  await page.getByTestId('location-open-Field bag 3 north').click();
  await page.getByTestId('locations-paysera').fill('');
  await page.getByTestId('locations-save').click();
  await expect(page.getByTestId('location-row-Field bag 3 north')).toContainText('none');

  await page.getByTestId('location-open-Field bag 3 north').click();
  await expectAccessible(page, 'locations');
  await page.getByTestId('locations-disable').click();
  await expect(page.getByTestId('location-row-Field bag 3 north')).toContainText('Disabled');

  const { locations } = await (await page.request.get(`${kasa.origin}/api/locations`)).json();
  expect(locations).toContainEqual(expect.objectContaining({ name: 'Field bag 3 north', payseraLocationId: null, disabled: true }));
});

for (const language of languages) {
  test(`both admin screens fit 320 × 568 in ${language}`, async ({ page }) => {
    await page.goto(kasa.origin);
    await page.getByTestId('language-select').selectOption(language);
    await signIn(page, admin);
    await openAdminScreen(page, 'accounts');
    await expect(page.getByTestId(`account-row-${admin.username}`)).toBeVisible();
    await expectFits(page, 'accounts', 'accounts-add');
    await page.getByTestId(`account-open-${admin.username}`).click();
    await page.getByTestId('accounts-reset-type').check();
    await expectFits(page, 'accounts');
    await page.goto(kasa.origin);
    await openAdminScreen(page, 'locations');
    await page.getByTestId('locations-add').click();
    await expectFits(page, 'locations');
  });
}
