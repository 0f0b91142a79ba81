import { afterAll, beforeAll } from 'vitest';
import { signIn, startHarness, users, type Harness } from './harness.ts';

/**
 * For test files that need one harness with the cashier signed in: started before the file's tests
 * and closed after them. `h` and `cashier` are ES live bindings, so importers see them once set.
 */
export let h: Harness;
export let cashier = '';

beforeAll(async () => {
  h = await startHarness();
  cashier = await signIn(h, users.cashier);
});

afterAll(async () => {
  await h?.close();
});
