import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCashoutService } from '../../../server/cashout/service.ts';
import { CashoutError } from '../../../server/cashout/types.ts';
import type { Coordination } from '../../../server/cluster/coordination.ts';
import { createPgCoordination } from '../../../server/cluster/pg-coordination.ts';
import { DeskError } from '../../../server/desk/errors.ts';
import { createDeskService } from '../../../server/desk/service.ts';
import type { Store } from '../../../server/store/types.ts';
import { defaultSettings, type Harness, ona, startHarness } from '../cashout/harness.ts';
import { addLocation, eur } from '../desk/desk-support.ts';
import { type TwoPools, twoPools } from './two-pools.ts';

/** One drawer driven through two instances at once: the cashier's lock is PostgreSQL's, so the drawer holds across them. */

let pools: TwoPools;
let h: Harness | undefined;
const coordinations: Coordination[] = [];
const log = { warn: () => {}, error: () => {} };

beforeAll(async () => {
  pools = await twoPools();
});
afterEach(async () => {
  for (const coordination of coordinations.splice(0)) await coordination.close();
  await h?.close();
  h = undefined;
});
afterAll(async () => {
  await pools?.close();
});

/** The store as each instance sees it, with a pause after reading the drawer so an unlocked race would show. */
function slowDrawerReads(store: Store): Store {
  return {
    ...store,
    listShiftCashouts: async (shiftId) => {
      const found = await store.listShiftCashouts(shiftId);
      await delay(10);
      return found;
    },
  };
}

async function twoInstances() {
  h = await startHarness();
  const harness = h;
  const instance = (pool: TwoPools['a']) => {
    const coordination = createPgCoordination(pool, log);
    coordinations.push(coordination);
    const store = slowDrawerReads(harness.store);
    const settings = { currencies: ['EUR', 'USD'], requireShift: true, tillToleranceCents: 0 };
    const desk = createDeskService({ store, lock: coordination.cashoutLock, settings, now: () => harness.sim.clock.now() });
    const service = createCashoutService({
      store,
      wallet: harness.wallet,
      settings: defaultSettings,
      now: () => harness.sim.clock.now(),
      sleep: async () => {},
      lock: coordination.cashoutLock,
      cover: desk.coverPayout,
    });
    return { desk, service };
  };
  return { harness, a: instance(pools.a), b: instance(pools.b) };
}

const outcomeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'done',
    (error: unknown) => (error instanceof CashoutError || error instanceof DeskError ? error.code : String(error)),
  );

describe('a drawer across two instances', () => {
  it('lets through only the payouts it holds when creates arrive through both at once', async () => {
    const { harness, a, b } = await twoInstances();
    const location = await addLocation(harness.store);
    await a.desk.open(ona, { locationId: location.id, float: eur(15_000) });
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, index) => outcomeOf((index % 2 === 0 ? a : b).service.create(ona, { amountCents: 5_000, currency: 'EUR' }))));
    expect(outcomes.filter((outcome) => outcome === 'done')).toHaveLength(3);
    expect(new Set(outcomes.filter((outcome) => outcome !== 'done'))).toEqual(new Set(['NOT_ENOUGH_CASH']));
    expect(harness.sim.state.transactions()).toHaveLength(3);
  });

  it('never lets payouts on one instance and drops on the other take the same cash', async () => {
    const { harness, a, b } = await twoInstances();
    const location = await addLocation(harness.store);
    const { shift } = await a.desk.open(ona, { locationId: location.id, float: eur(20_000) });
    await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        outcomeOf(
          index % 2 === 0
            ? a.service.create(ona, { amountCents: 5_000, currency: 'EUR' })
            : b.desk.move(ona, shift.id, { kind: 'drop', amountCents: 5_000, currency: 'EUR', reason: 'to the safe' }),
        ),
      ),
    );
    const state = await b.desk.current(ona);
    const payouts = (await harness.store.listShiftCashouts(shift.id)).length;
    const drops = (await harness.store.listMovements(shift.id)).length;
    expect(payouts + drops).toBe(4);
    expect(state?.available).toEqual(eur(0));
  });
});

