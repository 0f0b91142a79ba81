import { afterEach } from 'vitest';
import { type HarnessOptions, reservedCashoutIn, startHarness, type Harness } from './harness.ts';

/**
 * For test files whose every test starts its own harness: `h` is the one the current test started
 * (an ES live binding, so importers see each new one), closed after that test.
 */
export let h: Harness;

afterEach(async () => {
  await h?.close();
});

export async function startFreshHarness(options?: HarnessOptions): Promise<Harness> {
  h = await startHarness(options);
  return h;
}

/** A fresh harness with one reserved 50.00 EUR cash-out in it. */
export async function reservedCashout(): Promise<{ id: string; key: string; walletId: number; code: string }> {
  return reservedCashoutIn(await startFreshHarness());
}
