import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { z } from 'zod';
import { createLocationRequest, type Location, type locationResponse, type LocationsResponse, updateLocationRequest } from '../../../shared/desk-api.ts';
import type { DeskStore, LocationRecord } from '../../store/desk-types.ts';
import type { AppEnv } from '../env.ts';
import { errorResponse } from '../errors.ts';
import { jsonBody } from '../json-body.ts';
import { cashierRoles, currentUser, requireRole } from '../session.ts';

/** Shops and field agents' bags (design §3.1): every signed-in user lists them, admins add and change them. */

type LocationResponse = z.infer<typeof locationResponse>;
type LocationPatch = z.output<typeof updateLocationRequest>;

const locationJson = ({ id, name, payseraLocationId, disabled }: LocationRecord): Location => ({ id, name, payseraLocationId, disabled });

const noSuchLocation = 'There is no such location.';
const nameTaken = 'Another location already has this name; choose another.';

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/** The fields the patch really changes, as the audit event names them; never the whole request. */
function changesOf(location: LocationRecord, patch: LocationPatch): { changed: Partial<LocationPatch>; said: string[] } {
  const changed: Partial<LocationPatch> = {};
  const said: string[] = [];
  if (patch.name !== undefined && patch.name !== location.name) {
    changed.name = patch.name;
    said.push(`renamed to ${patch.name}`);
  }
  if (patch.payseraLocationId !== undefined && patch.payseraLocationId !== location.payseraLocationId) {
    changed.payseraLocationId = patch.payseraLocationId;
    said.push(patch.payseraLocationId === null ? 'Paysera location id cleared' : `Paysera location id ${patch.payseraLocationId}`);
  }
  if (patch.disabled !== undefined && patch.disabled !== location.disabled) {
    changed.disabled = patch.disabled;
    said.push(patch.disabled ? 'disabled' : 'enabled');
  }
  return { changed, said };
}

export type LocationStore = Pick<DeskStore, 'listLocations' | 'getLocation' | 'createLocation' | 'updateLocation'>;

export function locationRoutes(store: LocationStore, now: () => number): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const admin = requireRole('admin');

  async function nameInUse(name: string, except?: string): Promise<boolean> {
    return (await store.listLocations()).some((location) => location.id !== except && sameName(location.name, name));
  }

  routes.get('/', requireRole(...cashierRoles), async (c) => {
    const all = await store.listLocations();
    // A disabled location takes no new shifts, so only an admin, who may enable it again, sees it.
    const visible = currentUser(c).role === 'admin' ? all : all.filter((location) => !location.disabled);
    const body: LocationsResponse = { locations: visible.map(locationJson) };
    return c.json(body);
  });

  routes.post('/', admin, jsonBody(createLocationRequest), async (c) => {
    const { name, payseraLocationId } = c.get('body');
    if (await nameInUse(name)) return errorResponse(c, 'INVALID_INPUT', nameTaken);
    const location: LocationRecord = { id: randomUUID(), name, payseraLocationId: payseraLocationId ?? null, disabled: false, createdAt: now() };
    const paysera = location.payseraLocationId === null ? '' : ` (Paysera location id ${location.payseraLocationId})`;
    await store.createLocation(location, { actor: currentUser(c).username, action: 'location.add', outcome: `location ${location.id}: ${name}${paysera}` });
    const body: LocationResponse = { location: locationJson(location) };
    return c.json(body, 201);
  });

  routes.patch('/:id', admin, jsonBody(updateLocationRequest), async (c) => {
    const location = await store.getLocation(c.req.param('id'));
    if (!location) return errorResponse(c, 'NOT_FOUND', noSuchLocation);
    const { changed, said } = changesOf(location, c.get('body'));
    if (changed.name !== undefined && (await nameInUse(changed.name, location.id))) return errorResponse(c, 'INVALID_INPUT', nameTaken);
    const updated =
      said.length === 0
        ? location
        : await store.updateLocation(location.id, changed, {
            actor: currentUser(c).username,
            action: 'location.change',
            outcome: `location ${location.id} (${location.name}): ${said.join(', ')}`,
          });
    const body: LocationResponse = { location: locationJson(updated) };
    return c.json(body);
  });

  return routes;
}
