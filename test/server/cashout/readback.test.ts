import { describe, expect, it } from 'vitest';
import { oneLookDelaysMs } from '../../../server/cashout/readback.ts';
import { defaultReadBackDelaysMs } from '../../../server/cashout/service.ts';
import { bothChecks, expectAgreement, ona } from './harness.ts';
import { h, reservedCashout } from './per-test-harness.ts';
import { harnessStores, useHarnessStore } from './harness-store.ts';

describe.each(harnessStores)('on $name', (harnessStore) => {
  useHarnessStore(harnessStore);

  /** Retries live in one layer: the workflow's read-back schedule, counted as GETs at the simulator. */

  /** Every GET the simulator received while Paysera "could not be read" (each one dropped). */
  function unansweredGets(): number {
    return h.sim.state.faults().find((fault) => fault.endpoint === 'get')?.fired ?? 0;
  }

  describe('read-back retries', () => {
    it('settling a confirm in doubt sends exactly one GET per entry of the schedule', async () => {
      const { id } = await reservedCashout();
      h.sim.state.addFault({ endpoint: 'confirm', kind: 'drop_after' });
      h.sim.state.addFault({ endpoint: 'get', kind: 'drop_before', count: 1000 });
      expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'in_doubt', pending: 'confirm' });
      expect(defaultReadBackDelaysMs).toHaveLength(5);
      expect(unansweredGets()).toBe(defaultReadBackDelaysMs.length);
    });

    it('a single look at a cash-out in doubt sends one GET per entry of the one-look schedule', async () => {
      const { id, walletId } = await reservedCashout();
      h.sim.state.addFault({ endpoint: 'confirm', kind: 'drop_after' });
      h.sim.state.addFault({ endpoint: 'get', kind: 'drop_before', count: 1000 });
      await h.service.confirm(ona, id, bothChecks);
      const afterSettle = unansweredGets();
      expect(await h.service.get(ona, id)).toMatchObject({ status: 'in_doubt' });
      expect(unansweredGets() - afterSettle).toBe(oneLookDelaysMs.length);

      h.sim.state.clearFaults();
      expect(await h.service.get(ona, id)).toMatchObject({ status: 'confirmed', pending: null });
      await expectAgreement(h, id, walletId);
    });

    it('stops reading as soon as Paysera answers', async () => {
      const { id, walletId } = await reservedCashout();
      h.sim.state.addFault({ endpoint: 'confirm', kind: 'drop_after' });
      h.sim.state.addFault({ endpoint: 'get', kind: 'drop_before', count: 2 });
      expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'confirmed' });
      expect(unansweredGets()).toBe(2);
      await expectAgreement(h, id, walletId);
    });
  });
});
