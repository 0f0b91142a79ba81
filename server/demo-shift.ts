import { randomUUID } from 'node:crypto';
import { demoCashier } from './demo-accounts.ts';
import type { DeskService } from './desk/service.ts';
import type { DeskStore, LocationRecord } from './store/desk-types.ts';

export const demoLocationName = 'Demo shop';
/** 1000.00 in the first currency: the demo cashier can pay out straight away, as before the desk. */
export const demoFloatCents = 100_000;

async function demoLocation(store: DeskStore, now: number): Promise<LocationRecord> {
  const existing = (await store.listLocations()).find((location) => location.name === demoLocationName && !location.disabled);
  if (existing) return existing;
  const location: LocationRecord = { id: randomUUID(), name: demoLocationName, payseraLocationId: null, disabled: false, createdAt: now };
  await store.createLocation(location, { actor: 'system', action: 'location.add', outcome: demoLocationName });
  return location;
}

/**
 * The demo cashier's shift at the Demo shop with a counted float, opened through the desk like
 * any shift. A shift left open (or counted, waiting for a sign-off) by an earlier start is kept as it is.
 */
export async function ensureDemoShift(store: DeskStore, desk: Pick<DeskService, 'open'>, currency: string, now = Date.now()): Promise<void> {
  if ((await store.getCurrentShift(demoCashier)) !== null) return;
  const location = await demoLocation(store, now);
  await desk.open({ username: demoCashier, role: 'cashier' }, { locationId: location.id, float: [{ currency, amountCents: demoFloatCents }] });
}
