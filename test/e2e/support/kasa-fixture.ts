import { test as cameraTest } from './camera-fixture.ts';
import { type KasaUnderTest, startKasa } from './serve.ts';

/**
 * `kasa`: the real server in demo mode serving `dist/`, started once per worker and closed when the
 * worker ends, so the specs share one start-up instead of each repeating it in beforeAll/afterAll.
 * Specs keep to their own wallets and cash-outs, so sharing one server does not couple them.
 * `withCamera` comes along for the specs that scan.
 */
export const test = cameraTest.extend<object, { kasa: KasaUnderTest }>({
  kasa: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern, and Kasa needs none.
    async ({}, use) => {
      const kasa = await startKasa();
      try {
        await use(kasa);
      } finally {
        await kasa.close();
      }
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
