import { randomUUID } from 'node:crypto';
import type { CashAmount, LocationRecord } from '../../../server/store/desk-types.ts';
import type { Store } from '../../../server/store/types.ts';

/** A location in the store, as an admin adds one. */
export async function addLocation(store: Store, fields: Partial<LocationRecord> = {}): Promise<LocationRecord> {
  const location: LocationRecord = { id: randomUUID(), name: 'Main street', payseraLocationId: null, disabled: false, createdAt: 1_000, ...fields };
  await store.createLocation(location, { actor: 'root', action: 'location.add', outcome: location.name });
  return location;
}

export const eur = (amountCents: number): CashAmount[] => [{ currency: 'EUR', amountCents }];

/** The whole audit trail, to compare before and after a refused request. */
export function allAudit(store: Store) {
  return store.listAudit(0, Number.MAX_SAFE_INTEGER);
}
