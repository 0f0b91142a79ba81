import { randomUUID } from 'node:crypto';
import type { LocationRecord } from '../../../server/store/desk-types.ts';
import { openStackStore, type StackStore } from './stack-store.ts';

/** Locations written into the store before the server opens it, as an admin would have added them. */
export async function seedLocations(where: StackStore, names: readonly string[]): Promise<LocationRecord[]> {
  const store = await openStackStore(where);
  try {
    const locations: LocationRecord[] = [];
    for (const name of names) {
      const location: LocationRecord = { id: randomUUID(), name, payseraLocationId: null, disabled: false, createdAt: Date.now() };
      await store.createLocation(location, { actor: 'admin-1', action: 'location.add', outcome: name });
      locations.push(location);
    }
    return locations;
  } finally {
    await store.close();
  }
}
