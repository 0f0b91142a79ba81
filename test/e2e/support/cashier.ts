import { expect, type Page } from '@playwright/test';
import type { DemoCredentials } from '../../../server/demo-accounts.ts';

/** What a cashier does on screen, step by step, through the PWA's data-testids. */

export async function signIn(page: Page, account: DemoCredentials): Promise<void> {
  await page.getByTestId('login-username').fill(account.username);
  await page.getByTestId('login-password').fill(account.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('amount-display')).toBeVisible();
}

/** Types an amount such as "50.00" on the keypad. */
export async function typeAmount(page: Page, amount: string): Promise<void> {
  for (const character of amount) await page.getByTestId(character === '.' ? 'key-dot' : `key-${character}`).click();
}

/** Types the amount and submits it; the scan screen opens. */
export async function startCashout(page: Page, amount: string): Promise<void> {
  await typeAmount(page, amount);
  await page.getByTestId('amount-submit').click();
  await expect(page.getByTestId('scan-screen')).toBeVisible();
}

export async function enterCodeByHand(page: Page, code: string): Promise<void> {
  await page.getByTestId('manual-entry-open').click();
  await page.getByTestId('manual-code-input').fill(code);
  await page.getByTestId('manual-code-submit').click();
}

export async function checkIdentity(page: Page): Promise<void> {
  await page.getByTestId('check-document').check();
  await page.getByTestId('check-photo').check();
}

export async function approveAsSupervisor(page: Page, supervisor: DemoCredentials): Promise<void> {
  await page.getByTestId('approval-username').fill(supervisor.username);
  await page.getByTestId('approval-password').fill(supervisor.password);
  await page.getByTestId('approval-submit').click();
}

export function giveCashText(amount: string): string {
  return `Give €${amount} to the customer`;
}
