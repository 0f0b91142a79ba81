import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSweeper } from '../../../server/cashout/service.ts';
import { ona, startHarness } from './harness.ts';
import type { Harness } from './harness.ts';
import { harnessStores, useHarnessStore } from './harness-store.ts';

describe.each(harnessStores)('on $name', (harnessStore) => {
  useHarnessStore(harnessStore);

  let h: Harness;
  let stop: (() => Promise<void>) | undefined;

  afterEach(async () => {
    await stop?.();
    stop = undefined;
    await h?.close();
  });

  describe('startSweeper', () => {
    it('sweeps once at start, without waiting for the first interval', async () => {
      h = await startHarness();
      const { id } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      h.skewServiceClock(301);
      stop = startSweeper(h.service, { intervalMs: 3_600_000 });
      await vi.waitFor(async () => expect((await h.store.getCashout(id))?.status).toBe('expired'));
    });

    it('keeps sweeping every interval until stopped, and not after', async () => {
      h = await startHarness();
      let sweeps = 0;
      const counting = {
        sweep: () => {
          sweeps += 1;
          return h.service.sweep();
        },
      };
      stop = startSweeper(counting, { intervalMs: 5 });
      await vi.waitFor(() => expect(sweeps).toBeGreaterThanOrEqual(3));
      await stop();
      stop = undefined;
      const atStop = sweeps;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sweeps).toBe(atStop);
    });

    it('keeps going after a sweep that throws', async () => {
      h = await startHarness();
      let sweeps = 0;
      const errors: unknown[] = [];
      const failing = {
        sweep: async () => {
          sweeps += 1;
          if (sweeps === 1) throw new Error('store unavailable');
          return { resolved: 0, revoked: 0 };
        },
      };
      stop = startSweeper(failing, { intervalMs: 5, log: { info: () => {}, warn: () => {}, error: (fields) => errors.push(fields) } });
      await vi.waitFor(() => expect(sweeps).toBeGreaterThanOrEqual(2));
      expect(errors).toHaveLength(1);
    });
  });
});
