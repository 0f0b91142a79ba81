import { describe, expect, it } from 'vitest';
import { bothChecks, expectAgreement, expectRefusal, ona, reservedCashoutIn } from './harness.ts';
import { harnessStores, useHarnessStore } from './harness-store.ts';
import { h, startFreshHarness } from './per-test-harness.ts';

describe.each(harnessStores)('on $name', (harnessStore) => {
  useHarnessStore(harnessStore);

  describe('a write cut short by an instance that died mid-call', () => {
    it('is left alone while it may still be arriving at Paysera, then settled', async () => {
      const { id, key, walletId } = await reservedCashoutIn(await startFreshHarness({ settings: { writeGraceMs: 10_000 } }));
      // What a dead instance leaves: the confirm written ahead, then nothing.
      await h.store.updateCashout(id, { pending: 'confirm' });

      expect(await h.service.get(ona, id)).toMatchObject({ status: 'reserved', pending: 'confirm' });
      const refusal = await expectRefusal(h.service.confirm(ona, id, bothChecks), 'WALLET_UNAVAILABLE');
      expect(refusal.message).toMatch(/may still be reaching Paysera/);
      await expectRefusal(h.service.cancel(ona, id), 'WALLET_UNAVAILABLE');
      expect(await h.service.sweep()).toEqual({ resolved: 0, revoked: 0 });
      expect(h.sim.state.transaction(key)).toMatchObject({ status: 'reserved', revokeCount: 0 });

      h.skewServiceClock(10);
      // The cashier never saw "give cash" for it, so the hold is released, not confirmed.
      expect(await h.service.sweep()).toEqual({ resolved: 0, revoked: 1 });
      expect(await expectAgreement(h, id, walletId)).toMatchObject({ status: 'cancelled' });
    });

    it('does not hold back a write in doubt: its sender gave up waiting, so it is read back at once', async () => {
      const { id } = await reservedCashoutIn(await startFreshHarness({ settings: { writeGraceMs: 10_000 } }));
      // What a confirm that timed out here leaves when Paysera never received it.
      await h.store.updateCashout(id, { status: 'in_doubt', pending: 'confirm' });
      expect(await h.service.get(ona, id)).toMatchObject({ status: 'reserved', pending: null });
    });
  });
});
