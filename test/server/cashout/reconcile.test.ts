import { describe, expect, it } from 'vitest';
import { bothChecks, customer, expectAgreement, expectRefusal, ona } from './harness.ts';
import { h, reservedCashout, startFreshHarness } from './per-test-harness.ts';
import { harnessStores, useHarnessStore } from './harness-store.ts';

describe.each(harnessStores)('on $name', (harnessStore) => {
  useHarnessStore(harnessStore);

  /** Unanswered writes: the outcome comes only from reading the transaction back, never from a guess. */

  describe('confirm without an answer', () => {
    it('is confirmed when the read-back shows Paysera applied it (answer dropped after commit)', async () => {
      const { id, key, walletId } = await reservedCashout();
      h.sim.state.addFault({ endpoint: 'confirm', kind: 'drop_after' });
      expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'confirmed', pending: null });
      expect(h.sim.state.transaction(key)?.confirmCount).toBe(1);
      expect(h.sim.state.wallet(walletId)?.balances.EUR).toBe(45_000);
      await expectAgreement(h, id, walletId);
      const outcomes = (await h.store.listAudit(0, Number.MAX_SAFE_INTEGER)).filter((row) => row.action === 'cashout.confirm');
      expect(outcomes.map((row) => row.outcome)).toEqual(['in_doubt', 'confirmed']);
    });

    it('is sent once more when the read-back shows it never arrived (dropped before commit)', async () => {
      const { id, key, walletId } = await reservedCashout();
      h.sim.state.addFault({ endpoint: 'confirm', kind: 'drop_before' });
      expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'confirmed' });
      expect(h.sim.state.transaction(key)?.confirmCount).toBe(1);
      await expectAgreement(h, id, walletId);
    });

    it('is sent once more after a 5xx that Paysera did not apply', async () => {
      const { id, key } = await reservedCashout();
      h.sim.state.addFault({ endpoint: 'confirm', kind: 'error', status: 503 });
      expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'confirmed' });
      expect(h.sim.state.transaction(key)?.confirmCount).toBe(1);
    });

    it('ends reserved, not confirmed, when the retry never arrives either', async () => {
      const { id, key, walletId } = await reservedCashout();
      h.sim.state.addFault({ endpoint: 'confirm', kind: 'drop_before', count: 2 });
      expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'reserved', pending: null, confirmedAt: null });
      expect(h.sim.state.transaction(key)).toMatchObject({ status: 'reserved', confirmCount: 0 });
      await expectAgreement(h, id, walletId);
      expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'confirmed' });
      await expectAgreement(h, id, walletId);
    });

    it('stays in_doubt while Paysera cannot be read, then settles on the next read', async () => {
      const { id, key, walletId } = await reservedCashout();
      h.sim.state.addFault({ endpoint: 'confirm', kind: 'drop_after' });
      h.sim.state.addFault({ endpoint: 'get', kind: 'drop_before', count: 1000 });
      expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'in_doubt', pending: 'confirm', confirmedAt: null });
      expect(h.sim.state.transaction(key)?.status).toBe('confirmed');
      expect(await h.service.get(ona, id)).toMatchObject({ status: 'in_doubt' });

      h.sim.state.clearFaults();
      expect(await h.service.get(ona, id)).toMatchObject({ status: 'confirmed', pending: null });
      await expectAgreement(h, id, walletId);
    });

    it('comes back reserved through get when the confirm never landed, so the cashier can confirm again', async () => {
      const { id, walletId } = await reservedCashout();
      h.sim.state.addFault({ endpoint: 'confirm', kind: 'drop_before' });
      h.sim.state.addFault({ endpoint: 'get', kind: 'drop_before', count: 1000 });
      expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'in_doubt' });
      await expectRefusal(h.service.confirm(ona, id, bothChecks), 'WRONG_STATE');
      h.sim.state.clearFaults();
      expect(await h.service.get(ona, id)).toMatchObject({ status: 'reserved', pending: null });
      expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'confirmed' });
      await expectAgreement(h, id, walletId);
    });
  });

  describe('a write cut short by a crash, met by the cashier\'s next step', () => {
    it('reads the transaction back before confirming again', async () => {
      const { id, key, walletId } = await reservedCashout();
      await h.store.updateCashout(id, { pending: 'confirm' });
      expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'confirmed', pending: null });
      expect(h.sim.state.transaction(key)?.confirmCount).toBe(1);
      await expectAgreement(h, id, walletId);
    });

    it('does not confirm twice when the confirm before the crash had landed', async () => {
      const { id, key, walletId } = await reservedCashout();
      await h.store.updateCashout(id, { pending: 'confirm' });
      await h.wallet.confirmTransaction(key);
      expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'confirmed' });
      expect(h.sim.state.transaction(key)?.confirmCount).toBe(1);
      await expectAgreement(h, id, walletId);
    });
  });

  describe('reserve without an answer', () => {
    it('is reserved when the read-back shows the reservation with the right amount', async () => {
      await startFreshHarness();
      const { walletId, code } = customer(h);
      const { id } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      h.sim.state.addFault({ endpoint: 'reserve', kind: 'drop_after' });
      expect(await h.service.reserve(ona, id, code)).toMatchObject({ status: 'reserved', pending: null, failedAttempts: 0 });
      await expectAgreement(h, id, walletId);
      expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'confirmed' });
    });

    it('goes back to created without counting an attempt when the reservation never arrived', async () => {
      await startFreshHarness();
      const { walletId, code } = customer(h);
      const { id } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      h.sim.state.addFault({ endpoint: 'reserve', kind: 'drop_before' });
      const error = await expectRefusal(h.service.reserve(ona, id, code), 'WALLET_UNAVAILABLE');
      expect(error.message).toContain('Scan the code again');
      expect(await expectAgreement(h, id, walletId)).toMatchObject({ status: 'created', failedAttempts: 0, expiresAt: null });
      expect(h.sim.state.code(code)?.used).toBe(false);
      expect(await h.service.reserve(ona, id, code)).toMatchObject({ status: 'reserved' });
    });

    it('stays in_doubt while Paysera cannot be read, and never confirms until it is settled', async () => {
      await startFreshHarness();
      const { walletId, code } = customer(h);
      const { id } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      h.sim.state.addFault({ endpoint: 'reserve', kind: 'drop_after' });
      h.sim.state.addFault({ endpoint: 'get', kind: 'drop_before', count: 1000 });
      expect(await h.service.reserve(ona, id, code)).toMatchObject({ status: 'in_doubt', pending: 'reserve' });
      await expectRefusal(h.service.confirm(ona, id, bothChecks), 'WRONG_STATE');
      h.sim.state.clearFaults();
      expect(await h.service.get(ona, id)).toMatchObject({ status: 'reserved', pending: null });
      await expectAgreement(h, id, walletId);
    });
  });

  describe('cancel without an answer', () => {
    it('is cancelled when the read-back shows the revoke applied', async () => {
      const { id, walletId } = await reservedCashout();
      h.sim.state.addFault({ endpoint: 'revoke', kind: 'drop_after' });
      expect(await h.service.cancel(ona, id)).toMatchObject({ status: 'cancelled', pending: null });
      await expectAgreement(h, id, walletId);
    });

    it('sends the revoke once more when it never arrived', async () => {
      const { id, key, walletId } = await reservedCashout();
      h.sim.state.addFault({ endpoint: 'revoke', kind: 'drop_before' });
      expect(await h.service.cancel(ona, id)).toMatchObject({ status: 'cancelled' });
      expect(h.sim.state.transaction(key)?.revokeCount).toBe(1);
      await expectAgreement(h, id, walletId);
    });

    it('stays in_doubt while Paysera cannot be read, and a later cancel finishes it', async () => {
      const { id, walletId } = await reservedCashout();
      h.sim.state.addFault({ endpoint: 'revoke', kind: 'drop_before' });
      h.sim.state.addFault({ endpoint: 'get', kind: 'drop_before', count: 1000 });
      expect(await h.service.cancel(ona, id)).toMatchObject({ status: 'in_doubt', pending: 'revoke' });
      h.sim.state.clearFaults();
      expect(await h.service.cancel(ona, id)).toMatchObject({ status: 'cancelled', pending: null });
      await expectAgreement(h, id, walletId);
    });
  });

  describe('create without an answer', () => {
    it('reports Paysera unavailable and leaves the cash-out in_doubt for the sweeper', async () => {
      await startFreshHarness();
      h.sim.state.addFault({ endpoint: 'create', kind: 'drop_after' });
      await expectRefusal(h.service.create(ona, { amountCents: 5000, currency: 'EUR' }), 'WALLET_UNAVAILABLE');
      const [record] = await h.service.list(ona, 0, Number.MAX_SAFE_INTEGER);
      expect(record).toMatchObject({ status: 'in_doubt', pending: 'create', transactionKey: null });
    });

    it('is cancelled by the cashier: the stray transaction is found by its operation id and revoked', async () => {
      await startFreshHarness();
      h.sim.state.addFault({ endpoint: 'create', kind: 'drop_after' });
      await expectRefusal(h.service.create(ona, { amountCents: 5000, currency: 'EUR' }), 'WALLET_UNAVAILABLE');
      const [record] = await h.service.list(ona, 0, Number.MAX_SAFE_INTEGER);
      const cancelled = await h.service.cancel(ona, record?.id ?? '');
      expect(cancelled).toMatchObject({ status: 'cancelled', pending: null });
      expect(cancelled.transactionKey).not.toBeNull();
      await expectAgreement(h, cancelled.id);
    });
  });
});
