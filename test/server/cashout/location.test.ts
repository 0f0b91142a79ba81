import { describe, expect, it } from 'vitest';
import type { SignedCall } from '../../../server/simulator/index.ts';
import { addLocation, eur } from '../desk/desk-support.ts';
import { bothChecks, customer, expectAgreement, ona } from './harness.ts';
import { harnessStores, useHarnessStore } from './harness-store.ts';
import { h, startFreshHarness } from './per-test-harness.ts';

/**
 * Every Wallet call of a cash-out is signed for the Paysera location it was paid out at
 * (CashoutRecord.payseraLocationId), as the simulator received them: from a shift at a location
 * through the desk, or, for the steps after the create, a record given its location in the store.
 */

/** The location_id each call after `from` was signed with, by operation. */
function locationsSent(from = 0): Array<[SignedCall['operation'], string | undefined]> {
  return h.sim.signedCalls.calls.slice(from).map((call) => [call.operation, call.ext.location_id]);
}

async function createdAt(location: string | null): Promise<{ id: string; walletId: number; code: string; mark: number }> {
  await startFreshHarness();
  const { walletId, code } = customer(h);
  const { id } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
  await h.store.updateCashout(id, { payseraLocationId: location });
  return { id, walletId, code, mark: h.sim.signedCalls.calls.length };
}

describe.each(harnessStores)('on $name', (harnessStore) => {
  useHarnessStore(harnessStore);

  it('a payout from a shift at LOC-7 creates, reserves and confirms signed for LOC-7, and keeps it after the location changes', async () => {
    await startFreshHarness({ desk: {} });
    const desk = h.desk;
    if (!desk) throw new Error('no desk');
    const location = await addLocation(h.store, { payseraLocationId: 'LOC-7' });
    await desk.open(ona, { locationId: location.id, float: eur(100_000) });
    const { walletId, code } = customer(h);
    const { id } = await h.service.create(ona, { amountCents: 5000, currency: 'EUR' });
    expect(await h.store.getCashout(id)).toMatchObject({ payseraLocationId: 'LOC-7', shiftId: (await desk.current(ona))?.shift.id });
    await h.store.updateLocation(location.id, { payseraLocationId: 'LOC-8' }, { actor: 'root', action: 'location.change', outcome: 'LOC-8' });
    await h.service.reserve(ona, id, code);
    expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'confirmed' });
    expect(locationsSent()).toEqual([
      ['create', 'LOC-7'],
      ['reserve', 'LOC-7'],
      ['confirm', 'LOC-7'],
    ]);
    await expectAgreement(h, id, walletId);
  });

  it('reserves and confirms signed for the cash-out’s location', async () => {
    const { id, walletId, code, mark } = await createdAt('LOC-7');
    await h.service.reserve(ona, id, code);
    expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'confirmed', payseraLocationId: 'LOC-7' });
    expect(locationsSent(mark)).toEqual([
      ['reserve', 'LOC-7'],
      ['confirm', 'LOC-7'],
    ]);
    await expectAgreement(h, id, walletId);
  });

  it('revokes a cancelled cash-out signed for its location', async () => {
    const { id, code, mark } = await createdAt('LOC-7');
    await h.service.reserve(ona, id, code);
    expect(await h.service.cancel(ona, id)).toMatchObject({ status: 'cancelled' });
    expect(locationsSent(mark).filter(([operation]) => operation === 'revoke')).toEqual([['revoke', 'LOC-7']]);
  });

  it('reads a confirm in doubt back signed for the cash-out’s location', async () => {
    const { id, walletId, code, mark } = await createdAt('LOC-7');
    await h.service.reserve(ona, id, code);
    h.sim.state.addFault({ endpoint: 'confirm', kind: 'drop_after' });
    expect(await h.service.confirm(ona, id, bothChecks)).toMatchObject({ status: 'confirmed', pending: null });
    const sent = locationsSent(mark);
    expect(sent.map(([operation]) => operation)).toEqual(['reserve', 'confirm', 'get']);
    expect(sent.every(([, location]) => location === 'LOC-7')).toBe(true);
    await expectAgreement(h, id, walletId);
  });

  it('the sweeper looks for a create in doubt, and revokes what it finds, signed for the location', async () => {
    await startFreshHarness({ settings: { createGraceMs: 0 } });
    h.sim.state.addFault({ endpoint: 'create', kind: 'drop_after' });
    await expect(h.service.create(ona, { amountCents: 5000, currency: 'EUR' })).rejects.toMatchObject({ code: 'WALLET_UNAVAILABLE' });
    const [record] = await h.store.listUnsettledCashouts();
    if (!record) throw new Error('no cash-out in doubt');
    await h.store.updateCashout(record.id, { payseraLocationId: 'LOC-7' });
    const mark = h.sim.signedCalls.calls.length;
    await h.service.sweep();
    expect(locationsSent(mark)).toEqual([
      ['list', 'LOC-7'],
      ['revoke', 'LOC-7'],
    ]);
    expect(await h.store.getCashout(record.id)).toMatchObject({ status: 'failed', pending: null });
  });

  it('signs no location of its own for a cash-out paid out at none', async () => {
    const { id, code } = await createdAt(null);
    await h.service.reserve(ona, id, code);
    await h.service.confirm(ona, id, bothChecks);
    expect(locationsSent().map(([operation, location]) => [operation, location ?? null])).toEqual([
      ['create', null],
      ['reserve', null],
      ['confirm', null],
    ]);
  });
});
