import { afterEach, describe, expect, it } from 'vitest';
import { CashoutError } from '../../../server/cashout/types.ts';
import type { DeskService } from '../../../server/desk/service.ts';
import { addLocation, allAudit, eur } from '../desk/desk-support.ts';
import { bob, bothChecks, customer, expectRefusal, ona, startHarness, type Harness, type HarnessOptions } from './harness.ts';
import { harnessStores, useHarnessStore } from './harness-store.ts';

/** POST /api/cashouts asks the desk whether the drawer covers the payout, before anything is written or sent. */

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

  async function openShift(floatCents: number, payseraLocationId: string | null = null) {
    const location = await addLocation(h.store, { payseraLocationId });
    return (await desk.open(ona, { locationId: location.id, float: eur(floatCents) })).shift;
  }

  it('refuses outside a shift with REQUIRE_SHIFT, and lets it through outside any shift without', async () => {
    await harness();
    const before = await allAudit(h.store);
    await expectRefusal(h.service.create(ona, { amountCents: 100, currency: 'EUR' }), 'NO_OPEN_SHIFT');
    expect(h.sim.state.transactions()).toHaveLength(0);
    expect(await allAudit(h.store)).toEqual(before);
    await h.close();

    await harness({ desk: { requireShift: false } });
    const free = await h.service.create(ona, { amountCents: 100, currency: 'EUR' });
    expect(free).toMatchObject({ status: 'created', shiftId: null, payseraLocationId: null });
  });

  it('records the shift and its location’s Paysera id on the cash-out', async () => {
    await harness({ desk: { requireShift: false } });
    const shift = await openShift(10_000, 'PL-42');
    const created = await h.service.create(ona, { amountCents: 2_500, currency: 'EUR' });
    expect(created).toMatchObject({ shiftId: shift.id, payseraLocationId: 'PL-42' });
    expect(await h.store.getCashout(created.id)).toMatchObject({ shiftId: shift.id, payseraLocationId: 'PL-42' });
    expect((await h.store.listShiftCashouts(shift.id)).map((record) => record.id)).toEqual([created.id]);
  });

  it('refuses a payout beyond the cash available, saying how much there is, and sends nothing to Paysera', async () => {
    await harness();
    await openShift(12_000);
    const first = await h.service.create(ona, { amountCents: 5_000, currency: 'EUR' });
    const refused = await expectRefusal(h.service.create(ona, { amountCents: 7_001, currency: 'EUR' }), 'NOT_ENOUGH_CASH');
    expect(refused.message).toBe('The drawer holds 70.00 EUR for payouts.');
    await expectRefusal(h.service.create(ona, { amountCents: 1, currency: 'USD' }), 'NOT_ENOUGH_CASH');
    expect(h.sim.state.transactions()).toHaveLength(1);

    // Cancelled, the first payout gives its cash back.
    await h.service.cancel(ona, first.id);
    const { code } = customer(h);
    const second = await h.service.create(ona, { amountCents: 12_000, currency: 'EUR' });
    await h.service.reserve(ona, second.id, code);
    expect(await h.service.confirm(ona, second.id, bothChecks)).toMatchObject({ status: 'confirmed' });
    expect((await desk.current(ona))?.expected).toEqual(eur(0));
    await expectRefusal(h.service.create(ona, { amountCents: 1, currency: 'EUR' }), 'NOT_ENOUGH_CASH');
  });

  it('refuses payouts in a shift waiting for its sign-off', async () => {
    await harness();
    const shift = await openShift(5_000);
    await desk.close(ona, shift.id, eur(4_000));
    await expectRefusal(h.service.create(ona, { amountCents: 100, currency: 'EUR' }), 'SHIFT_CLOSED');
    expect(h.sim.state.transactions()).toHaveLength(0);
  });

  it('lets exactly one of two payouts at once through a drawer that holds one of them', async () => {
    await harness();
    await openShift(10_000);
    const results = await Promise.allSettled([
      h.service.create(ona, { amountCents: 6_000, currency: 'EUR' }),
      h.service.create(ona, { amountCents: 6_000, currency: 'EUR' }),
    ]);
    const passed = results.filter((result) => result.status === 'fulfilled');
    const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(passed).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(CashoutError);
    expect((refused[0] as CashoutError).code).toBe('NOT_ENOUGH_CASH');
    expect((refused[0] as CashoutError).message).toBe('The drawer holds 40.00 EUR for payouts.');
    expect(h.sim.state.transactions()).toHaveLength(1);
    expect((await allAudit(h.store)).filter((row) => row.action === 'cashout.create')).toHaveLength(2);
  });

  it('never lets a payout and a drop at once both take the same cash', async () => {
    await harness();
    const shift = await openShift(10_000);
    const [payout, drop] = await Promise.allSettled([
      h.service.create(ona, { amountCents: 6_000, currency: 'EUR' }),
      desk.move(ona, shift.id, { kind: 'drop', amountCents: 6_000, currency: 'EUR', reason: 'to the safe' }),
    ]);
    expect([payout.status, drop.status].sort()).toEqual(['fulfilled', 'rejected']);
    const state = await desk.current(ona);
    expect(state?.available).toEqual(eur(4_000));
  });

  it('keeps one cashier’s drawer out of another’s', async () => {
    await harness();
    await openShift(10_000);
    const location = await addLocation(h.store, { name: 'Bag 2' });
    await desk.open(bob, { locationId: location.id, float: eur(100) });
    await expectRefusal(h.service.create(bob, { amountCents: 101, currency: 'EUR' }), 'NOT_ENOUGH_CASH');
    expect(await h.service.create(ona, { amountCents: 10_000, currency: 'EUR' })).toMatchObject({ status: 'created' });
  });
});
