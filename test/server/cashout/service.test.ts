import { afterEach, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../server/auth/throttle.ts';
import type { WalletClient } from '../../../server/wallet/types.ts';
import { ada, bob, bothChecks, customer, expectAgreement, expectRefusal, ona, sam, startHarness, withDailyCap } from './harness.ts';
import type { Harness, HarnessOptions } from './harness.ts';
import { harnessStores, useHarnessStore } from './harness-store.ts';

describe.each(harnessStores)('on $name', (harnessStore) => {
  useHarnessStore(harnessStore);

  let h: Harness;

  async function harness(options?: HarnessOptions): Promise<Harness> {
    h = await startHarness(options);
    return h;
  }

  afterEach(async () => {
    await h?.close();
  });

  describe('a cash-out that goes through', () => {
    it('creates, reserves, confirms, and moves exactly the amount', async () => {
      await harness();
      const { walletId, code } = customer(h);

      const created = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      expect(created).toMatchObject({ status: 'created', cashier: 'ona', amountCents: 5000, pending: null, failedAttempts: 0 });
      expect(created.transactionKey).not.toBeNull();
      const key = created.transactionKey ?? '';
      expect(h.sim.state.transaction(key)).toMatchObject({ status: 'new', amount: 5000, currency: 'EUR' });
      expect((await h.wallet.getTransaction(key)).operationId).toBe(created.id);

      const reserved = await h.service.reserve(ona, created.id, code);
      expect(reserved).toMatchObject({ status: 'reserved', pending: null });
      expect(reserved.expiresAt).toBeGreaterThan(reserved.createdAt);
      expect(reserved.expiresAt).toBeLessThanOrEqual(h.sim.clock.now() + 300_000);

      const confirmed = await h.service.confirm(ona, created.id, bothChecks);
      expect(confirmed).toMatchObject({ status: 'confirmed', pending: null });
      expect(confirmed.confirmedAt).not.toBeNull();
      expect(h.sim.state.wallet(walletId)).toMatchObject({ balances: { EUR: 45_000 }, held: { EUR: 0 } });
      await expectAgreement(h, created.id, walletId);

      const audit = await h.store.listAudit(0, Number.MAX_SAFE_INTEGER);
      expect(audit.map((row) => [row.action, row.outcome])).toEqual([
        ['cashout.create', 'pending'],
        ['cashout.create', 'created'],
        ['cashout.reserve', 'reserved'],
        ['cashout.identity_checked', 'document,photo'],
        ['cashout.confirm', 'confirmed'],
      ]);
      expect(audit.at(-1)).toMatchObject({ actor: 'ona', amountCents: 5000, currency: 'EUR', transactionKey: key });
      expect((await h.store.verifyAudit()).ok).toBe(true);
    });

    it('confirming twice answers with the confirmed cash-out and sends no second confirm', async () => {
      await harness();
      const { code } = customer(h);
      const { id, transactionKey } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      await h.service.reserve(ona, id, code);
      await h.service.confirm(ona, id, bothChecks);
      expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'confirmed' });
      expect(h.sim.state.transaction(transactionKey ?? '')?.confirmCount).toBe(1);
    });

    it('accepts a code with the spaces and dashes a person types', async () => {
      await harness();
      const { code } = customer(h);
      const { id } = await h.service.create(ona, { amountCents: 1000, currency: 'EUR' });
      const typed = ` ${code.slice(0, 4)} ${code.slice(4, 8)}-${code.slice(8)} `;
      expect(await h.service.reserve(ona, id, typed)).toMatchObject({ status: 'reserved' });
    });

    it('never writes the code to disk, the audit trail or the log, even when it is refused', async () => {
      await harness();
      const { code } = customer(h);
      const wrong = '99887766554433221100998877665544';
      const { id } = await h.service.create(ona, { amountCents: 2000, currency: 'EUR' });
      await expectRefusal(h.service.reserve(ona, id, wrong), 'INVALID_CODE');
      await h.service.reserve(ona, id, code);
      await h.service.confirm(ona, id, bothChecks);
      const disk = await h.keptText();
      expect(disk).toContain(id);
      expect(disk).not.toContain(code);
      expect(disk).not.toContain(wrong);
      expect(JSON.stringify(h.logs)).not.toContain(code);
    });
  });

  describe('refused codes', () => {
    it('counts an invalid code as a failed attempt, audits it without the code, and lets a good code through', async () => {
      await harness();
      const { code } = customer(h);
      const { id } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      await expectRefusal(h.service.reserve(ona, id, '12345678901234567890'), 'INVALID_CODE');
      expect(await h.store.getCashout(id)).toMatchObject({ status: 'created', failedAttempts: 1, pending: null, expiresAt: null });
      const refusal = (await h.store.listAudit(0, Number.MAX_SAFE_INTEGER)).find((row) => row.outcome === 'INVALID_CODE');
      expect(refusal).toMatchObject({ action: 'cashout.reserve', walletError: 'invalid_request', cashoutId: id });
      expect(await h.service.reserve(ona, id, code)).toMatchObject({ status: 'reserved', failedAttempts: 1 });
    });

    it('reports insufficient funds and keeps the cash-out open', async () => {
      await harness();
      const { walletId, code } = customer(h, { EUR: 1000 });
      const { id } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      await expectRefusal(h.service.reserve(ona, id, code), 'INSUFFICIENT_FUNDS');
      await expectAgreement(h, id, walletId);
      expect(await h.store.getCashout(id)).toMatchObject({ status: 'created', failedAttempts: 1 });
    });

    it('reports an expired code', async () => {
      await harness();
      const walletId = h.sim.state.createWallet({ EUR: 50_000 });
      const { code } = h.sim.state.issueCode(walletId, 10);
      const { id } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      h.sim.clock.advance(11);
      await expectRefusal(h.service.reserve(ona, id, code), 'CODE_EXPIRED');
      await expectAgreement(h, id, walletId);
    });

    it('refuses an empty code as input without spending an attempt or calling Paysera', async () => {
      await harness();
      const { id } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      const error = await expectRefusal(h.service.reserve(ona, id, '  \t'), 'INVALID_INPUT');
      expect(error.message).toBe('Enter the reservation code.');
      expect(await h.store.getCashout(id)).toMatchObject({ status: 'created', failedAttempts: 0 });
    });

    it('revokes the transaction and fails with TOO_MANY_ATTEMPTS on the last allowed wrong code', async () => {
      await harness();
      const { walletId, code } = customer(h);
      const { id } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      await expectRefusal(h.service.reserve(ona, id, '111111'), 'INVALID_CODE');
      await expectRefusal(h.service.reserve(ona, id, '222222'), 'INVALID_CODE');
      await expectRefusal(h.service.reserve(ona, id, '333333'), 'TOO_MANY_ATTEMPTS');
      const record = await expectAgreement(h, id, walletId);
      expect(record).toMatchObject({ status: 'failed', errorCode: 'TOO_MANY_ATTEMPTS', failedAttempts: 3 });
      await expectRefusal(h.service.reserve(ona, id, code), 'WRONG_STATE');
      const last = (await h.store.listAudit(0, Number.MAX_SAFE_INTEGER)).at(-1);
      expect(last).toMatchObject({ action: 'cashout.reserve', outcome: 'TOO_MANY_ATTEMPTS', walletError: 'invalid_request' });
    });

    it('throttles one cashier\'s wrong codes across cash-outs, not another cashier\'s', async () => {
      let clock = 0;
      await harness({ service: { codeThrottle: createRateLimiter({ limit: 2, windowMs: 60_000, now: () => clock }) } });
      const { code } = customer(h);
      const first = await h.service.create(ona, { amountCents: 1000, currency: 'EUR' });
      const second = await h.service.create(ona, { amountCents: 1000, currency: 'EUR' });
      await expectRefusal(h.service.reserve(ona, first.id, '111111'), 'INVALID_CODE');
      await expectRefusal(h.service.reserve(ona, first.id, '222222'), 'INVALID_CODE');
      const limited = await expectRefusal(h.service.reserve(ona, second.id, code), 'RATE_LIMITED');
      expect(limited.message).toMatch(/Wait \d+ s/);
      expect(await h.store.getCashout(second.id)).toMatchObject({ status: 'created', failedAttempts: 0 });
      expect(h.sim.state.code(code)?.used).toBe(false);
      const audit = await h.store.listAudit(0, Number.MAX_SAFE_INTEGER);
      expect(audit.at(-1)).toMatchObject({ actor: 'ona', cashoutId: second.id, outcome: 'RATE_LIMITED' });

      const bobs = await h.service.create(bob, { amountCents: 1000, currency: 'EUR' });
      expect(await h.service.reserve(bob, bobs.id, code)).toMatchObject({ status: 'reserved' });
      clock += 60_000;
      const { code: later } = customer(h);
      expect(await h.service.reserve(ona, second.id, later)).toMatchObject({ status: 'reserved' });
    });
  });

  describe('amount mismatch', () => {
    it('revokes and fails when Paysera reports another amount than asked for', async () => {
      const lying = (wallet: WalletClient): WalletClient => ({
        ...wallet,
        async reserveWithCode(key, code) {
          const tx = await wallet.reserveWithCode(key, code);
          return { ...tx, payments: tx.payments.map((p) => ({ ...p, priceCents: p.priceCents + 100 })) };
        },
      });
      await harness({ wrapWallet: lying });
      const { walletId, code } = customer(h);
      const { id } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      await expectRefusal(h.service.reserve(ona, id, code), 'AMOUNT_MISMATCH');
      const record = await expectAgreement(h, id, walletId);
      expect(record).toMatchObject({ status: 'failed', errorCode: 'AMOUNT_MISMATCH' });
      expect(h.sim.state.wallet(walletId)?.balances.EUR).toBe(50_000);
      await expectRefusal(h.service.confirm(ona, id, bothChecks), 'WRONG_STATE');
    });

    it('revokes and fails when Paysera reports another currency', async () => {
      const lying = (wallet: WalletClient): WalletClient => ({
        ...wallet,
        async reserveWithCode(key, code) {
          const tx = await wallet.reserveWithCode(key, code);
          return { ...tx, payments: tx.payments.map((p) => ({ ...p, currency: 'USD' })) };
        },
      });
      await harness({ wrapWallet: lying });
      const { walletId, code } = customer(h);
      const { id } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      await expectRefusal(h.service.reserve(ona, id, code), 'AMOUNT_MISMATCH');
      expect(await expectAgreement(h, id, walletId)).toMatchObject({ status: 'failed' });
    });
  });

  describe('supervisor approval', () => {
    it('requires approval at the threshold, refuses a cashier and self-approval, accepts a supervisor', async () => {
      await harness();
      const { walletId, code } = customer(h);
      const { id } = await h.service.create(ona, { amountCents: 30_000, currency: 'EUR' });
      await h.service.reserve(ona, id, code);

      await expectRefusal(h.service.confirm(ona, id, bothChecks), 'APPROVAL_REQUIRED');
      await expectRefusal(h.service.approve(ona, id, bob), 'FORBIDDEN');
      await expectRefusal(h.service.approve(ona, id, { username: 'ona', role: 'supervisor' }), 'SELF_APPROVAL');
      expect(h.sim.state.transaction((await h.store.getCashout(id))?.transactionKey ?? '')?.status).toBe('reserved');

      expect(await h.service.approve(ona, id, sam)).toMatchObject({ status: 'reserved', approvedBy: 'sam' });
      expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'confirmed', approvedBy: 'sam' });
      await expectAgreement(h, id, walletId);

      const outcomes = (await h.store.listAudit(0, Number.MAX_SAFE_INTEGER)).filter((row) => row.action === 'cashout.approve');
      expect(outcomes.map((row) => [row.actor, row.outcome])).toEqual([
        ['bob', 'FORBIDDEN'],
        ['ona', 'SELF_APPROVAL'],
        ['sam', 'approved'],
      ]);
    });

    it('settles a reserve in doubt before approving, instead of refusing it', async () => {
      await harness();
      const { walletId, code } = customer(h);
      const { id } = await h.service.create(ona, { amountCents: 30_000, currency: 'EUR' });
      h.sim.state.addFault({ endpoint: 'reserve', kind: 'drop_after' });
      h.sim.state.addFault({ endpoint: 'get', kind: 'drop_before', count: 1000 });
      expect(await h.service.reserve(ona, id, code)).toMatchObject({ status: 'in_doubt', pending: 'reserve' });
      await expectRefusal(h.service.approve(ona, id, sam), 'WRONG_STATE');
      h.sim.state.clearFaults();
      expect(await h.service.approve(ona, id, sam)).toMatchObject({ status: 'reserved', pending: null, approvedBy: 'sam' });
      expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'confirmed' });
      await expectAgreement(h, id, walletId);
    });

    it('reads back a confirm cut short by a crash before approving over it', async () => {
      await harness();
      const { walletId, code } = customer(h);
      const { id, transactionKey } = await h.service.create(ona, { amountCents: 30_000, currency: 'EUR' });
      await h.service.reserve(ona, id, code);
      await h.store.updateCashout(id, { pending: 'confirm' });
      await h.wallet.confirmTransaction(transactionKey ?? '');
      // Paysera confirmed it: there is nothing left to approve, and the record says so.
      await expectRefusal(h.service.approve(ona, id, sam), 'WRONG_STATE');
      expect(await expectAgreement(h, id, walletId)).toMatchObject({ status: 'confirmed', approvedBy: null });
    });

    it('refuses a supervisor approving a cash-out they created', async () => {
      await harness();
      const { code } = customer(h);
      const { id } = await h.service.create(sam, { amountCents: 50_000, currency: 'EUR' });
      await h.service.reserve(sam, id, code);
      await expectRefusal(h.service.approve(sam, id, sam), 'SELF_APPROVAL');
      expect(await h.service.approve(sam, id, ada)).toMatchObject({ approvedBy: 'ada' });
    });

    it('needs no approval below the threshold and refuses one before the reservation', async () => {
      await harness();
      const { code } = customer(h);
      const small = await h.service.create(ona, { amountCents: 29_999, currency: 'EUR' });
      await h.service.reserve(ona, small.id, code);
      await expectRefusal(h.service.approve(ona, small.id, sam), 'WRONG_STATE');
      expect(await h.service.confirm(ona, small.id, bothChecks)).toMatchObject({ status: 'confirmed', approvedBy: null });
      const large = await h.service.create(ona, { amountCents: 40_000, currency: 'EUR' });
      await expectRefusal(h.service.approve(ona, large.id, sam), 'WRONG_STATE');
    });
  });

  describe('identity checks', () => {
    it('refuses a confirm without every check, sends nothing, and records the checks with the confirm that goes out', async () => {
      await harness();
      const { walletId, code } = customer(h);
      const { id, transactionKey } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      await h.service.reserve(ona, id, code);
      await expectRefusal(h.service.confirm(ona, id, []), 'INVALID_INPUT');
      await expectRefusal(h.service.confirm(ona, id, ['photo']), 'INVALID_INPUT');
      expect(h.sim.state.transaction(transactionKey ?? '')).toMatchObject({ status: 'reserved', confirmCount: 0 });
      expect(await h.store.getCashout(id)).toMatchObject({ status: 'reserved', pending: null });

      expect(await h.service.confirm(ona, id, ['photo', 'document'])).toMatchObject({ status: 'confirmed' });
      await expectAgreement(h, id, walletId);
      const checks = (await h.store.listAudit(0, Number.MAX_SAFE_INTEGER)).filter((row) => row.action === 'cashout.identity_checked');
      expect(checks).toMatchObject([{ actor: 'ona', cashoutId: id, outcome: 'document,photo', amountCents: 5000, currency: 'EUR', transactionKey }]);
    });
  });

  describe('limits', () => {
    it('refuses an amount above the per-transaction limit before anything is recorded or sent', async () => {
      await harness();
      const error = await expectRefusal(h.service.create(ona, { amountCents: 100_001, currency: 'EUR' }), 'LIMIT_EXCEEDED');
      expect(error.message).toContain('1000.00');
      expect(await h.service.list(ada, 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
      expect(h.sim.state.transactions()).toEqual([]);
      expect(await h.service.create(ona, { amountCents: 100_000, currency: 'EUR' })).toMatchObject({ status: 'created' });
    });

    it('refuses a currency the shop does not offer', async () => {
      await harness();
      await expectRefusal(h.service.create(ona, { amountCents: 1000, currency: 'GBP' }), 'INVALID_INPUT');
    });

    it('applies the daily cap to confirmed and open cash-outs of the cashier, per currency', async () => {
      await harness({ settings: withDailyCap(10_000) });
      const first = await h.service.create(ona, { amountCents: 6000, currency: 'EUR' });
      await expectRefusal(h.service.create(ona, { amountCents: 5000, currency: 'EUR' }), 'LIMIT_EXCEEDED');
      expect(await h.service.create(ona, { amountCents: 5000, currency: 'USD' })).toMatchObject({ status: 'created' });
      expect(await h.service.create(bob, { amountCents: 5000, currency: 'EUR' })).toMatchObject({ status: 'created' });
      await h.service.cancel(ona, first.id);
      expect(await h.service.create(ona, { amountCents: 5000, currency: 'EUR' })).toMatchObject({ status: 'created' });
    });

    it('lets only one of two simultaneous creates through the daily cap', async () => {
      await harness({ settings: withDailyCap(10_000) });
      const outcomes = await Promise.allSettled([
        h.service.create(ona, { amountCents: 6000, currency: 'EUR' }),
        h.service.create(ona, { amountCents: 6000, currency: 'EUR' }),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await h.service.list(ona, 0, Number.MAX_SAFE_INTEGER)).toHaveLength(1);
    });

    it.each([
      ['without a daily cap', {}],
      ['under a daily cap', withDailyCap(1_000_000)],
    ])('%s, runs one cashier\'s creates side by side at Paysera: only the checks and the insert queue', async (_name, settings) => {
      let arrived = 0;
      let bothArrived!: () => void;
      const meeting = new Promise<void>((resolve) => {
        bothArrived = resolve;
      });
      // Each create waits at Paysera until the other has got there too: creates queued through their Paysera call never would.
      const meetInFlight = (wallet: WalletClient): WalletClient => ({
        ...wallet,
        async createTransaction(input, scope) {
          arrived += 1;
          if (arrived === 2) bothArrived();
          await meeting;
          return wallet.createTransaction(input, scope);
        },
      });
      await harness({ wrapWallet: meetInFlight, settings });
      const created = await Promise.all([
        h.service.create(ona, { amountCents: 6000, currency: 'EUR' }),
        h.service.create(ona, { amountCents: 6000, currency: 'EUR' }),
      ]);
      expect(created.map((cashout) => cashout.status)).toEqual(['created', 'created']);
    });
  });

  describe('cancel', () => {
    it('revokes a created cash-out', async () => {
      await harness();
      const { id } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      expect(await h.service.cancel(ona, id)).toMatchObject({ status: 'cancelled', pending: null });
      await expectAgreement(h, id);
    });

    it('revokes a reserved cash-out and releases the hold', async () => {
      await harness();
      const { walletId, code } = customer(h);
      const { id } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      await h.service.reserve(ona, id, code);
      expect(h.sim.state.wallet(walletId)?.held.EUR).toBe(5000);
      expect(await h.service.cancel(ona, id)).toMatchObject({ status: 'cancelled' });
      await expectAgreement(h, id, walletId);
      expect(h.sim.state.wallet(walletId)?.balances.EUR).toBe(50_000);
      expect((await h.store.listAudit(0, Number.MAX_SAFE_INTEGER)).at(-1)).toMatchObject({ action: 'cashout.cancel', outcome: 'cancelled' });
    });

    it('answers a second cancel with the cancelled cash-out and refuses to cancel a confirmed one', async () => {
      await harness();
      const { code } = customer(h);
      const cancelled = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      await h.service.cancel(ona, cancelled.id);
      expect(await h.service.cancel(ona, cancelled.id)).toMatchObject({ status: 'cancelled' });
      const confirmed = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      await h.service.reserve(ona, confirmed.id, code);
      await h.service.confirm(ona, confirmed.id, bothChecks);
      await expectRefusal(h.service.cancel(ona, confirmed.id), 'WRONG_STATE');
      await expectAgreement(h, confirmed.id);
    });
  });

  describe('an expired hold', () => {
    it('is not confirmed: confirm revokes it and reports the expiry', async () => {
      await harness();
      const { walletId, code } = customer(h);
      const { id } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      await h.service.reserve(ona, id, code);
      h.sim.clock.advance(301);
      await expectRefusal(h.service.confirm(ona, id, bothChecks), 'CODE_EXPIRED');
      expect(await expectAgreement(h, id, walletId)).toMatchObject({ status: 'expired' });
      expect(h.sim.state.wallet(walletId)?.balances.EUR).toBe(50_000);
    });

    it('is revoked by Kasa when its own clock says the hold is over, even before Paysera releases it', async () => {
      await harness();
      const { walletId, code } = customer(h);
      const { id, transactionKey } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
      await h.service.reserve(ona, id, code);
      h.skewServiceClock(301);
      await expectRefusal(h.service.confirm(ona, id, bothChecks), 'CODE_EXPIRED');
      expect(h.sim.state.transaction(transactionKey ?? '')).toMatchObject({ status: 'revoked', expired: false, confirmCount: 0 });
      expect(await expectAgreement(h, id, walletId)).toMatchObject({ status: 'expired' });
    });
  });

  describe('create refused by Paysera', () => {
    it('fails the cash-out with Paysera\'s reason and audits it', async () => {
      await harness({ macKey: 'not-the-key-the-simulator-knows-xx' });
      await expectRefusal(h.service.create(ona, { amountCents: 5000, currency: 'EUR' }), 'WALLET_MISCONFIGURED');
      const [record] = await h.service.list(ona, 0, Number.MAX_SAFE_INTEGER);
      expect(record).toMatchObject({ status: 'failed', errorCode: 'WALLET_MISCONFIGURED', pending: null, transactionKey: null });
      expect((await h.store.listAudit(0, Number.MAX_SAFE_INTEGER)).at(-1)).toMatchObject({ outcome: 'WALLET_MISCONFIGURED', walletError: 'unauthorized' });
    });
  });

  describe('who may see and act', () => {
    it('keeps a cashier to their own cash-outs; supervisors and admins see all', async () => {
      await harness();
      const onas = await h.service.create(ona, { amountCents: 1000, currency: 'EUR' });
      const bobs = await h.service.create(bob, { amountCents: 2000, currency: 'EUR' });
      await expectRefusal(h.service.get(bob, onas.id), 'FORBIDDEN');
      await expectRefusal(h.service.reserve(bob, onas.id, '123456'), 'FORBIDDEN');
      await expectRefusal(h.service.confirm(bob, onas.id, bothChecks), 'FORBIDDEN');
      await expectRefusal(h.service.cancel(bob, onas.id), 'FORBIDDEN');
      await expectRefusal(h.service.get(ona, 'no-such-id'), 'NOT_FOUND');
      expect(await h.service.get(sam, onas.id)).toMatchObject({ id: onas.id });

      expect((await h.service.list(ona, 0, Number.MAX_SAFE_INTEGER)).map((r) => r.id)).toEqual([onas.id]);
      expect((await h.service.list(sam, 0, Number.MAX_SAFE_INTEGER)).map((r) => r.id).sort()).toEqual([onas.id, bobs.id].sort());
      expect(await h.service.list(ada, 0, onas.createdAt)).toEqual([]);
    });
  });
});
