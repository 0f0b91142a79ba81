import { describe, expect, it, vi } from 'vitest';
import { freshCashout } from '../../../server/cashout/create.ts';
import type { CashoutRecord } from '../../../server/store/types.ts';
import { bothChecks, customer, defaultSettings, expectAgreement, expectRefusal, ona } from './harness.ts';
import { h, reservedCashout, startFreshHarness } from './per-test-harness.ts';
import { harnessStores, useHarnessStore } from './harness-store.ts';

describe.each(harnessStores)('on $name', (harnessStore) => {
  useHarnessStore(harnessStore);

  describe('sweep: holds past their time', () => {
    it('revokes a reservation Kasa considers over, before Paysera releases it', async () => {
      const { id, key, walletId } = await reservedCashout();
      expect(await h.service.sweep()).toEqual({ resolved: 0, revoked: 0 });
      h.skewServiceClock(301);
      expect(await h.service.sweep()).toEqual({ resolved: 0, revoked: 1 });
      expect(await expectAgreement(h, id, walletId)).toMatchObject({ status: 'expired' });
      expect(h.sim.state.transaction(key)).toMatchObject({ status: 'revoked', expired: false, revokeCount: 1 });
      expect((await h.store.listAudit(0, Number.MAX_SAFE_INTEGER)).at(-1)).toMatchObject({ actor: 'sweeper', action: 'cashout.sweep', outcome: 'expired' });
      expect(await h.service.sweep()).toEqual({ resolved: 0, revoked: 0 });
    });

    it('settles a reservation Paysera already released as expired', async () => {
      const { id, walletId } = await reservedCashout();
      h.sim.clock.advance(301);
      expect(await h.service.sweep()).toEqual({ resolved: 0, revoked: 1 });
      expect(await expectAgreement(h, id, walletId)).toMatchObject({ status: 'expired' });
    });

    it('revokes an abandoned cash-out nobody reserved within the hold time', async () => {
      await startFreshHarness();
      const { id, transactionKey } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      h.skewServiceClock(299);
      expect(await h.service.sweep()).toEqual({ resolved: 0, revoked: 0 });
      h.skewServiceClock(2);
      expect(await h.service.sweep()).toEqual({ resolved: 0, revoked: 1 });
      expect(await expectAgreement(h, id)).toMatchObject({ status: 'expired' });
      expect(h.sim.state.transaction(transactionKey ?? '')?.status).toBe('revoked');
    });

    it('leaves a revoke that goes unanswered pending and finishes it on the next sweep', async () => {
      const { id, key, walletId } = await reservedCashout();
      h.skewServiceClock(301);
      h.sim.state.addFault({ endpoint: 'revoke', kind: 'drop_before' });
      await h.service.sweep();
      expect(await h.store.getCashout(id)).toMatchObject({ status: 'expired', pending: 'revoke' });
      expect(h.sim.state.transaction(key)?.status).toBe('reserved');
      expect(await h.service.sweep()).toEqual({ resolved: 1, revoked: 0 });
      expect(await expectAgreement(h, id, walletId)).toMatchObject({ status: 'expired' });
    });
  });

  describe('steps asked of a closed cash-out whose revoke is still open', () => {
    it('are answered from its status at once, leaving the revoke and its audit event to the sweeper', async () => {
      const { id, key, walletId } = await reservedCashout();
      h.skewServiceClock(301);
      h.sim.state.addFault({ endpoint: 'revoke', kind: 'drop_before' });
      await h.service.sweep();
      expect(await h.store.getCashout(id)).toMatchObject({ status: 'expired', pending: 'revoke' });
      const trail = async () => (await h.store.listAudit(0, Number.MAX_SAFE_INTEGER)).map((row) => `${row.action} ${row.outcome}`);
      const before = await trail();

      await expectRefusal(h.service.confirm(ona, id, bothChecks), 'WRONG_STATE');
      await expectRefusal(h.service.cancel(ona, id), 'WRONG_STATE');
      await expectRefusal(h.service.reserve(ona, id, '123456'), 'WRONG_STATE');
      expect(h.sim.state.transaction(key)).toMatchObject({ status: 'reserved', confirmCount: 0 });
      expect(await trail()).toEqual(before);

      expect(await h.service.sweep()).toEqual({ resolved: 1, revoked: 0 });
      expect(await expectAgreement(h, id, walletId)).toMatchObject({ status: 'expired' });
      expect((await trail()).at(-1)).toBe('cashout.sweep expired');
    });
  });

  describe('sweep: writes cut short by a crash', () => {
    it('revokes, never confirms, a pending confirm whose transaction is still reserved', async () => {
      const { id, key, walletId } = await reservedCashout();
      await h.store.updateCashout(id, { pending: 'confirm' });
      expect(await h.service.sweep()).toEqual({ resolved: 0, revoked: 1 });
      expect(await expectAgreement(h, id, walletId)).toMatchObject({ status: 'cancelled' });
      expect(h.sim.state.transaction(key)).toMatchObject({ status: 'revoked', confirmCount: 0 });
      expect(h.sim.state.wallet(walletId)?.balances.EUR).toBe(50_000);
    });

    it('records a pending confirm that Paysera did apply as confirmed', async () => {
      const { id, key, walletId } = await reservedCashout();
      await h.store.updateCashout(id, { pending: 'confirm' });
      await h.wallet.confirmTransaction(key);
      expect(await h.service.sweep()).toEqual({ resolved: 1, revoked: 0 });
      const record = await expectAgreement(h, id, walletId);
      expect(record).toMatchObject({ status: 'confirmed' });
      expect(record.confirmedAt).not.toBeNull();
    });

    it('checks the amount of a pending reserve that Paysera applied, and keeps it reserved', async () => {
      await startFreshHarness();
      const { walletId, code } = customer(h);
      const { id, transactionKey } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      await h.store.updateCashout(id, { pending: 'reserve' });
      await h.wallet.reserveWithCode(transactionKey ?? '', code);
      expect(await h.service.sweep()).toEqual({ resolved: 1, revoked: 0 });
      const record = await expectAgreement(h, id, walletId);
      expect(record).toMatchObject({ status: 'reserved' });
      expect(record.expiresAt).not.toBeNull();
    });

    it('finds and revokes the transaction of a create cut short, and fails the cash-out', async () => {
      await startFreshHarness();
      const now = h.sim.clock.now();
      const record = freshCashout({ id: 'crashed-create', amountCents: 5000, currency: 'EUR', cashier: 'ona', now });
      await h.store.insertCashout(record, { actor: 'ona', action: 'cashout.create', cashoutId: record.id, outcome: 'pending' });
      const other = await h.wallet.createTransaction({ amountCents: 700, currency: 'EUR', description: 'Cash withdrawal', reserveForSeconds: 300, operationId: 'another' });
      const stray = await h.wallet.createTransaction({ amountCents: 5000, currency: 'EUR', description: 'Cash withdrawal', reserveForSeconds: 300, operationId: record.id });

      expect(await h.service.sweep()).toEqual({ resolved: 1, revoked: 0 });
      const settled = await expectAgreement(h, record.id);
      expect(settled).toMatchObject({ status: 'failed', errorCode: 'WALLET_UNAVAILABLE', transactionKey: stray.key });
      expect(h.sim.state.transaction(stray.key)?.status).toBe('revoked');
      expect(h.sim.state.transaction(other.key)?.status).toBe('new');
    });

    it('fails a create in doubt that never reached Paysera', async () => {
      await startFreshHarness();
      h.sim.state.addFault({ endpoint: 'create', kind: 'drop_before' });
      await expectRefusal(h.service.create(ona, { amountCents: 5000, currency: 'EUR' }), 'WALLET_UNAVAILABLE');
      // The create might still be on its way: nothing is judged absent before the grace time.
      expect(await h.service.sweep()).toEqual({ resolved: 0, revoked: 0 });
      h.skewServiceClock(defaultSettings.createGraceMs / 1000);
      expect(await h.service.sweep()).toEqual({ resolved: 1, revoked: 0 });
      const [record] = await h.service.list(ona, 0, Number.MAX_SAFE_INTEGER);
      expect(record).toMatchObject({ status: 'failed', errorCode: 'WALLET_UNAVAILABLE', pending: null, transactionKey: null });
      expect(h.sim.state.transactions()).toEqual([]);
    });

    it('settles a cash-out whose transaction Paysera no longer knows, as nothing was paid', async () => {
      await startFreshHarness();
      const now = h.sim.clock.now();
      const record: CashoutRecord = {
        ...freshCashout({ id: 'forgotten-by-paysera', amountCents: 5000, currency: 'EUR', cashier: 'ona', now }),
        status: 'in_doubt',
        transactionKey: 'NoSuchKeyAtPaysera01',
        expiresAt: now + 300_000,
        pending: 'confirm',
      };
      await h.store.insertCashout(record, { actor: 'ona', action: 'cashout.create', cashoutId: record.id, outcome: 'in_doubt' });
      await h.service.sweep();
      expect(await h.store.listUnsettledCashouts()).toEqual([]);
      const settled = await h.store.getCashout(record.id);
      expect(settled?.status).not.toBe('confirmed');
      expect(settled).toMatchObject({ status: 'expired', pending: null });
    });

    it('settles an in_doubt confirm once Paysera can be read again', async () => {
      const { id, walletId } = await reservedCashout();
      h.sim.state.addFault({ endpoint: 'confirm', kind: 'drop_after' });
      h.sim.state.addFault({ endpoint: 'get', kind: 'drop_before', count: 1000 });
      expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'in_doubt' });
      expect(await h.service.sweep()).toEqual({ resolved: 0, revoked: 0 });
      h.sim.state.clearFaults();
      expect(await h.service.sweep()).toEqual({ resolved: 1, revoked: 0 });
      expect(await expectAgreement(h, id, walletId)).toMatchObject({ status: 'confirmed' });
    });

    it('leaves nothing held and nothing unsettled after a mixed day', async () => {
      await startFreshHarness();
      const { walletId, code } = customer(h, { EUR: 100_000 });
      const done = await h.service.create(ona, { amountCents: 1000, currency: 'EUR' });
      await h.service.reserve(ona, done.id, code);
      await h.service.confirm(ona, done.id, bothChecks);
      const abandoned = await h.service.create(ona, { amountCents: 2000, currency: 'EUR' });
      await h.service.reserve(ona, abandoned.id, h.sim.state.issueCode(walletId).code);
      const neverScanned = await h.service.create(ona, { amountCents: 3000, currency: 'EUR' });
      h.sim.state.addFault({ endpoint: 'create', kind: 'drop_after' });
      await expectRefusal(h.service.create(ona, { amountCents: 4000, currency: 'EUR' }), 'WALLET_UNAVAILABLE');

      h.skewServiceClock(301);
      await h.service.sweep();
      expect(await h.store.listUnsettledCashouts()).toEqual([]);
      for (const record of await h.service.list(ona, 0, Number.MAX_SAFE_INTEGER)) await expectAgreement(h, record.id, walletId);
      expect(h.sim.state.wallet(walletId)).toMatchObject({ balances: { EUR: 99_000 }, held: { EUR: 0 } });
      expect((await h.store.getCashout(neverScanned.id))?.status).toBe('expired');
    });
  });

  describe('sweep alongside a request', () => {
    it('leaves a create alone whose transaction exists but whose answer is still on its way', async () => {
      let answer = () => {};
      const answerHeld = new Promise<void>((resolve) => {
        answer = resolve;
      });
      await startFreshHarness({
        wrapWallet: (wallet) => ({
          ...wallet,
          async createTransaction(input) {
            const tx = await wallet.createTransaction(input);
            await answerHeld;
            return tx;
          },
        }),
      });
      const creating = h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      await vi.waitFor(() => expect(h.sim.state.transactions()).toHaveLength(1));
      const sweeping = h.service.sweep();
      answer();
      const created = await creating;
      expect(created).toMatchObject({ status: 'created', pending: null });
      expect(await sweeping).toEqual({ resolved: 0, revoked: 0 });
      expect(await expectAgreement(h, created.id)).toMatchObject({ status: 'created' });
      expect(h.sim.state.transaction(created.transactionKey ?? '')?.status).toBe('new');
    });


    it('waits for a confirm in flight instead of taking its pending write for a crash', async () => {
      const { id, key, walletId } = await reservedCashout();
      h.sim.state.addFault({ endpoint: 'confirm', kind: 'latency', ms: 300 });
      const confirming = h.service.confirm(ona, id, bothChecks);
      await vi.waitFor(async () => expect((await h.store.getCashout(id))?.pending).toBe('confirm'));
      const sweeping = h.service.sweep();
      expect(await confirming).toMatchObject({ status: 'confirmed' });
      expect(await sweeping).toEqual({ resolved: 0, revoked: 0 });
      expect(h.sim.state.transaction(key)).toMatchObject({ status: 'confirmed', confirmCount: 1, revokeCount: 0 });
      await expectAgreement(h, id, walletId);
    });
  });
});
