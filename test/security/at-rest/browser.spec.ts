import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '../../e2e/support/camera-fixture.ts';
import { checkIdentity, enterCodeByHand, giveCashText, signIn, startCashout } from '../../e2e/support/cashier.ts';
import { startKasaStack, type KasaStack } from '../../reliability/support/kasa-stack.ts';

/**
 * The browser half of "codes at rest": after a scanned cash-out, a typed one and a refused code,
 * nothing the PWA keeps (IndexedDB, localStorage, sessionStorage, Cache Storage) holds a
 * reservation code, the account holder's name, the MAC key or a password. The server runs in live mode against a simulator
 * of this test's own, so the MAC key is known.
 */

let kasa: KasaStack;
let walletId: number;
/** Personal data like the code: shown on the verify screen, kept nowhere. */
const holderName = 'Žydrūnė At-Restienė';

test.beforeAll(async () => {
  if (!existsSync('dist/index.html')) throw new Error('dist/index.html is missing: run `vite build` first (npm run test:e2e does)');
  kasa = await startKasaStack({ staticRoot: 'dist', cashiers: 1, supervisors: 1 });
  walletId = kasa.simulator.state.createWallet({ EUR: 1000_00 }, { holderName });
});

test.afterAll(async () => {
  await kasa?.close();
});

interface Stored {
  indexedDb: { db: string; store: string; keys: unknown[]; values: unknown[] }[];
  localStorage: Record<string, string | null>;
  sessionStorage: Record<string, string | null>;
  cached: { cache: string; url: string; body: string | undefined }[];
  cookies: string;
}

/** Everything the page's origin keeps. */
function storedByThePage(page: Page): Promise<Stored> {
  return page.evaluate(async () => {
    const request = <T>(req: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const indexedDb: Stored['indexedDb'] = [];
    for (const { name } of await indexedDB.databases()) {
      if (name === undefined) continue;
      const db = await request(indexedDB.open(name));
      for (const storeName of Array.from(db.objectStoreNames)) {
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        indexedDb.push({ db: name, store: storeName, keys: await request(store.getAllKeys()), values: await request(store.getAll()) });
      }
      db.close();
    }
    const entries = (storage: Storage) => Object.fromEntries(Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '').map((key) => [key, storage.getItem(key)]));
    const cached: Stored['cached'] = [];
    for (const cacheName of await caches.keys()) {
      const cache = await caches.open(cacheName);
      for (const entry of await cache.keys()) cached.push({ cache: cacheName, url: entry.url, body: await (await cache.match(entry))?.text() });
    }
    return { indexedDb, localStorage: entries(localStorage), sessionStorage: entries(sessionStorage), cached, cookies: document.cookie };
  });
}

/** From the give-cash screen back to the start, then the history, which the PWA caches. */
async function openHistory(page: Page): Promise<void> {
  await page.getByTestId('new-cashout').click();
  await expect(page.getByTestId('amount-display')).toBeVisible();
  await page.getByTestId('history-open').click();
}

async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

test('the PWA keeps no reservation code, holder name, MAC key or password after a full shift of cash-outs', async ({ withCamera, page }) => {
  const cashier = kasa.accounts.cashiers[0];
  if (!cashier) throw new Error('no cashier account');
  const scanned = kasa.simulator.state.issueCode(walletId).code;
  const typed = kasa.simulator.state.issueCode(walletId).code;
  const refused = '0000000000000000000000000017';
  const secrets = [scanned, typed, typed.replace(/(\d{4})(?=\d)/g, '$1 '), refused, kasa.macKey, cashier.password, holderName];

  // Scanned with the camera.
  const camera = await withCamera(scanned, 'qrcode', { video: { blankFrames: 10, codeFrames: 10 }, context: { baseURL: kasa.origin } });
  await camera.page.goto('/');
  await signIn(camera.page, cashier);
  await startCashout(camera.page, '20.00');
  await expect(camera.page.getByTestId('verify-screen')).toBeVisible();
  await expect(camera.page.getByTestId('holder-name')).toContainText(holderName);
  await checkIdentity(camera.page);
  await camera.page.getByTestId('confirm-button').click();
  await expect(camera.page.getByTestId('give-cash-screen')).toContainText(giveCashText('20.00'));
  await openHistory(camera.page);
  await expect(camera.page.getByTestId('history-screen')).toContainText('20.00');
  await serviceWorkerReady(camera.page);

  // Typed by hand, after a refused code, on a device whose camera sees no code.
  await page.goto(kasa.origin);
  await signIn(page, cashier);
  await startCashout(page, '30.00');
  await enterCodeByHand(page, refused);
  await expect(page.getByTestId('error-screen')).toHaveAttribute('data-error-code', 'INVALID_CODE');
  await page.getByTestId('error-retry').click();
  await enterCodeByHand(page, typed.replace(/(\d{4})(?=\d)/g, '$1 '));
  await expect(page.getByTestId('verify-screen')).toBeVisible();
  await expect(page.getByTestId('holder-name')).toContainText(holderName);
  await checkIdentity(page);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('give-cash-screen')).toContainText(giveCashText('30.00'));
  await openHistory(page);
  await expect(page.getByTestId('history-screen')).toContainText('30.00');
  await serviceWorkerReady(page);

  expect(kasa.simulator.state.transactions().filter((tx) => tx.status === 'confirmed').map((tx) => tx.amount).sort()).toEqual([20_00, 30_00]);
  for (const [device, stored] of [
    ['camera device', await storedByThePage(camera.page)],
    ['typing device', await storedByThePage(page)],
  ] as const) {
    const stores = stored.indexedDb.map(({ db, store, values }) => `${db}/${store} (${values.length})`);
    console.log(`${device}: IndexedDB ${stores.join(', ') || 'none'}; localStorage ${Object.keys(stored.localStorage).length} keys; Cache Storage ${stored.cached.length} entries`);
    expect(stored.cached.length, `${device}: the service worker precached the app`).toBeGreaterThan(0);
    const text = JSON.stringify(stored);
    const found = secrets.filter((secret) => text.includes(secret)).map((secret) => `${secret.slice(0, 4)}…`);
    expect(found, `${device}: secrets in web storage`).toEqual([]);
  }
});
