import type { Page } from '@playwright/test';

declare global {
  interface Window {
    giveCashSeen?: boolean;
  }
}

/**
 * Records, from the first paint of every document the page loads, whether the "give cash" screen
 * was ever in the DOM, however briefly: a spec can then hold the UI to the simulator's state.
 */
export async function watchForGiveCash(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.giveCashSeen = false;
    const look = (): void => {
      if (document.querySelector('[data-testid="give-cash-screen"]')) window.giveCashSeen = true;
    };
    new MutationObserver(look).observe(document, { childList: true, subtree: true });
  });
}

export function giveCashWasSeen(page: Page): Promise<boolean> {
  return page.evaluate(() => window.giveCashSeen === true);
}
