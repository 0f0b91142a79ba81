import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/api.ts';
import { DeskError } from '../../../server/desk/errors.ts';
import type { DeskService } from '../../../server/desk/service.ts';
import { ada, bob, customer, ona, sam, startHarness, type Harness, type HarnessOptions } from '../cashout/harness.ts';
import { harnessStores, useHarnessStore } from '../cashout/harness-store.ts';
import { addLocation, allAudit, eur } from './desk-support.ts';

/** The desk service on a real store (both kinds) beside the real workflow and simulator. */

async function deskErrorOf(promise: Promise<unknown>): Promise<DeskError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DeskError)) throw new Error(`expected a DeskError, got ${String(error)}`);
  return error;
}

async function expectDeskRefusal(promise: Promise<unknown>, code: string): Promise<DeskError> {
  const error = await deskErrorOf(promise);
  expect(error.code).toBe(code);
  return error;
}

describe.each(harnessStores)('on $name', (harnessStore) => {
  useHarnessStore(harnessStore);

  let h: Harness;
  let desk: DeskService;

  async function harness(options: HarnessOptions = {}): Promise<Harness> {
    h = await startHarness({ desk: {}, ...options });
    if (!h.desk) throw new Error('no desk');
    desk = h.desk;
    return h;
  }

  afterEach(async () => {
    await h?.close();
  });

  async function openFor(cashier: User, floatCents = 10_000) {
    const location = await addLocation(h.store, { payseraLocationId: 'PL-7' });
    return desk.open(cashier, { locationId: location.id, float: eur(floatCents) });
  }

  describe('open', () => {
    it('opens the cashier’s shift with the float and audits it', async () => {
      await harness();
      const state = await openFor(ona, 100_000);
      expect(state.shift).toMatchObject({ cashier: 'ona', status: 'open', float: eur(100_000), counted: null, expected: null });
      expect(state.expected).toEqual(eur(100_000));
      expect(state.available).toEqual(eur(100_000));
      expect((await desk.current(ona))?.shift.id).toBe(state.shift.id);
      expect(await desk.current(bob)).toBeNull();
      const row = (await allAudit(h.store)).at(-1);
      expect(row).toMatchObject({ actor: 'ona', action: 'shift.open', outcome: `shift ${state.shift.id} at Main street, float 1000.00 EUR` });
    });

    it('refuses an unknown or disabled location, a bad float and a second shift, and records nothing for them', async () => {
      await harness();
      const disabled = await addLocation(h.store, { name: 'Closed kiosk', disabled: true });
      const location = await addLocation(h.store);
      const before = await allAudit(h.store);
      await expectDeskRefusal(desk.open(ona, { locationId: 'nowhere', float: eur(100) }), 'NOT_FOUND');
      await expectDeskRefusal(desk.open(ona, { locationId: disabled.id, float: eur(100) }), 'INVALID_INPUT');
      await expectDeskRefusal(desk.open(ona, { locationId: location.id, float: [{ currency: 'GBP', amountCents: 100 }] }), 'INVALID_INPUT');
      await expectDeskRefusal(desk.open(ona, { locationId: location.id, float: eur(-1) }), 'INVALID_INPUT');
      await expectDeskRefusal(desk.open(ona, { locationId: location.id, float: eur(10.5) }), 'INVALID_INPUT');
      await expectDeskRefusal(desk.open(ona, { locationId: location.id, float: [...eur(1), ...eur(2)] }), 'INVALID_INPUT');
      expect(await allAudit(h.store)).toEqual(before);
      expect(await desk.current(ona)).toBeNull();

      await desk.open(ona, { locationId: location.id, float: eur(100) });
      const opened = await allAudit(h.store);
      await expectDeskRefusal(desk.open(ona, { locationId: location.id, float: eur(100) }), 'SHIFT_ALREADY_OPEN');
      expect(await allAudit(h.store)).toEqual(opened);
    });
  });

  describe('pay-ins and drops', () => {
    it('move the expected cash, are audited with the amount, and a drop cannot take the drawer below zero', async () => {
      await harness();
      const { shift } = await openFor(ona, 10_000);
      expect((await desk.move(ona, shift.id, { kind: 'pay_in', amountCents: 2_550, currency: 'EUR', reason: 'change from the bank' })).expected).toEqual(eur(12_550));
      expect((await desk.move(ona, shift.id, { kind: 'drop', amountCents: 2_000, currency: 'EUR', reason: 'to the safe' })).expected).toEqual(eur(10_550));
      const rows = (await allAudit(h.store)).slice(-2);
      expect(rows).toMatchObject([
        { actor: 'ona', action: 'shift.pay_in', amountCents: 2_550, currency: 'EUR', outcome: `shift ${shift.id}: change from the bank` },
        { actor: 'ona', action: 'shift.drop', amountCents: 2_000, currency: 'EUR', outcome: `shift ${shift.id}: to the safe` },
      ]);

      const before = await allAudit(h.store);
      const refused = await expectDeskRefusal(desk.move(ona, shift.id, { kind: 'drop', amountCents: 10_551, currency: 'EUR', reason: 'all of it' }), 'NOT_ENOUGH_CASH');
      expect(refused.message).toContain('105.50 EUR');
      await expectDeskRefusal(desk.move(ona, shift.id, { kind: 'drop', amountCents: 1, currency: 'USD', reason: 'none there' }), 'NOT_ENOUGH_CASH');
      await expectDeskRefusal(desk.move(ona, shift.id, { kind: 'pay_in', amountCents: 0, currency: 'EUR', reason: 'nothing' }), 'INVALID_INPUT');
      await expectDeskRefusal(desk.move(ona, shift.id, { kind: 'pay_in', amountCents: 100, currency: 'EUR', reason: '   ' }), 'INVALID_INPUT');
      await expectDeskRefusal(desk.move(bob, shift.id, { kind: 'pay_in', amountCents: 100, currency: 'EUR', reason: 'not mine' }), 'FORBIDDEN');
      await expectDeskRefusal(desk.move(sam, shift.id, { kind: 'pay_in', amountCents: 100, currency: 'EUR', reason: 'not mine' }), 'FORBIDDEN');
      await expectDeskRefusal(desk.move(ona, 'no-such-shift', { kind: 'pay_in', amountCents: 100, currency: 'EUR', reason: 'x' }), 'NOT_FOUND');
      expect(await allAudit(h.store)).toEqual(before);
      expect(await h.store.listMovements(shift.id)).toHaveLength(2);
    });

    it('a drop leaves the cash promised to a payout in flight', async () => {
      await harness();
      const { shift } = await openFor(ona, 10_000);
      await h.service.create(ona, { amountCents: 6_000, currency: 'EUR' });
      const refused = await expectDeskRefusal(desk.move(ona, shift.id, { kind: 'drop', amountCents: 4_001, currency: 'EUR', reason: 'safe' }), 'NOT_ENOUGH_CASH');
      expect(refused.message).toContain('40.00 EUR');
      expect((await desk.move(ona, shift.id, { kind: 'drop', amountCents: 4_000, currency: 'EUR', reason: 'safe' })).available).toEqual(eur(0));
    });
  });

  describe('close and sign-off', () => {
    it('is refused while a payout of the shift is in flight, then closes with the count, the snapshot and the difference', async () => {
      await harness({ desk: { tillToleranceCents: 100 } });
      const { shift } = await openFor(ona, 10_000);
      const { id } = await h.service.create(ona, { amountCents: 3_000, currency: 'EUR' });
      await expectDeskRefusal(desk.close(ona, shift.id, eur(7_000)), 'SHIFT_BUSY');
      expect((await h.store.getShift(shift.id))?.status).toBe('open');

      const { code } = customer(h);
      await h.service.reserve(ona, id, code);
      await h.service.confirm(ona, id, ['document', 'photo']);
      const closed = await desk.close(ona, shift.id, eur(6_950));
      expect(closed.shift).toMatchObject({ status: 'closed', counted: eur(6_950), expected: eur(7_000) });
      expect(closed.difference).toEqual(eur(-50));
      expect(closed.needsSignOff).toBe(false);
      expect((await allAudit(h.store)).at(-1)).toMatchObject({
        actor: 'ona',
        action: 'shift.close',
        outcome: `shift ${shift.id} closed, counted 69.50 EUR, difference -0.50 EUR`,
      });
      expect(await desk.current(ona)).toBeNull();

      const before = await allAudit(h.store);
      await expectDeskRefusal(desk.close(ona, shift.id, eur(6_950)), 'SHIFT_CLOSED');
      await expectDeskRefusal(desk.move(ona, shift.id, { kind: 'pay_in', amountCents: 100, currency: 'EUR', reason: 'late' }), 'SHIFT_CLOSED');
      await expectDeskRefusal(desk.signOff(ona, shift.id, sam), 'SHIFT_CLOSED');
      expect(await allAudit(h.store)).toEqual(before);
    });

    it('beyond the tolerance stays closing, takes nothing, and closes when a supervisor other than the cashier signs', async () => {
      await harness();
      const { shift } = await openFor(ona, 10_000);
      await expectDeskRefusal(desk.signOff(ona, shift.id, sam), 'WRONG_STATE');
      await expectDeskRefusal(desk.close(bob, shift.id, eur(10_000)), 'FORBIDDEN');
      const closing = await desk.close(ona, shift.id, eur(8_750));
      expect(closing.shift.status).toBe('closing');
      expect(closing.needsSignOff).toBe(true);
      expect(closing.difference).toEqual(eur(-1_250));
      expect((await desk.current(ona))?.shift.status).toBe('closing');

      const before = await allAudit(h.store);
      await expectDeskRefusal(desk.move(ona, shift.id, { kind: 'pay_in', amountCents: 100, currency: 'EUR', reason: 'found it' }), 'SHIFT_CLOSED');
      await expectDeskRefusal(desk.signOff(ona, shift.id, ona), 'SELF_SIGN_OFF');
      await expectDeskRefusal(desk.signOff(ona, shift.id, bob), 'FORBIDDEN');
      await expectDeskRefusal(desk.signOff(bob, shift.id, sam), 'FORBIDDEN');
      expect(await allAudit(h.store)).toEqual(before);

      const signed = await desk.signOff(ona, shift.id, sam);
      expect(signed.shift).toMatchObject({ status: 'closed', signedOffBy: 'sam' });
      expect(signed.needsSignOff).toBe(false);
      expect((await allAudit(h.store)).at(-1)).toMatchObject({ actor: 'sam', action: 'shift.sign_off', outcome: `shift ${shift.id} of ona, difference -12.50 EUR` });
      await expectDeskRefusal(desk.signOff(ona, shift.id, ada), 'SHIFT_CLOSED');
    });

    it('refuses a supervisor signing off their own shift', async () => {
      await harness();
      const { shift } = await openFor(sam, 1_000);
      await desk.close(sam, shift.id, eur(0));
      await expectDeskRefusal(desk.signOff(sam, shift.id, sam), 'SELF_SIGN_OFF');
      expect((await desk.signOff(sam, shift.id, ada)).shift.signedOffBy).toBe('ada');
    });
  });

  describe('reading shifts', () => {
    it('shows a cashier their own shifts only, a supervisor every one, by location when asked', async () => {
      await harness();
      const first = await openFor(ona);
      const second = await openFor(bob);
      const day = { from: 0, to: Number.MAX_SAFE_INTEGER };
      expect((await desk.shiftsOf(ona, day)).map((state) => state.shift.id)).toEqual([first.shift.id]);
      expect((await desk.shiftsOf(sam, day)).map((state) => state.shift.id).sort()).toEqual([first.shift.id, second.shift.id].sort());
      expect((await desk.shiftsOf(ada, day, second.shift.locationId)).map((state) => state.shift.id)).toEqual([second.shift.id]);
      await expectDeskRefusal(desk.report(bob, first.shift.id), 'FORBIDDEN');
      await expectDeskRefusal(desk.report(sam, 'nope'), 'NOT_FOUND');
      expect((await desk.report(sam, first.shift.id)).shift.cashier).toBe('ona');
    });
  });
});
