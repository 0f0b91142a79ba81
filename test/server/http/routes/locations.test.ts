import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Location, LocationsResponse } from '../../../../shared/desk-api.ts';
import { call, errorOf, signIn, startHarness, users, type Harness } from '../harness.ts';

let h: Harness;
let admin = '';
let cashier = '';
let supervisor = '';

beforeAll(async () => {
  h = await startHarness();
  admin = await signIn(h, users.admin);
  cashier = await signIn(h, users.cashier);
  supervisor = await signIn(h, users.supervisor);
});
afterAll(async () => {
  await h?.close();
});

async function addLocation(body: unknown): Promise<Location> {
  const response = await call(h, 'POST', '/api/locations', { cookie: admin, body });
  if (response.status !== 201) throw new Error(`add location: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { location: Location }).location;
}

const patchLocation = (id: string, body: unknown, cookie = admin) => call(h, 'PATCH', `/api/locations/${id}`, { cookie, body });

async function listAs(cookie: string): Promise<Location[]> {
  const response = await call(h, 'GET', '/api/locations', { cookie });
  expect(response.status).toBe(200);
  return ((await response.json()) as LocationsResponse).locations;
}

/** Everything a location change could touch: the locations and the audit trail. */
async function snapshot() {
  return { locations: await h.store.listLocations(), audit: await h.store.listAudit(0, Number.MAX_SAFE_INTEGER) };
}

async function lastAudit() {
  const { actor, action, outcome } = (await h.store.listAudit(0, Number.MAX_SAFE_INTEGER)).at(-1) ?? {};
  return { actor, action, outcome };
}

describe('POST /api/locations', () => {
  it('adds a location with and without a Paysera id, audited as the admin', async () => {
    const shop = await addLocation({ name: '  Vilnius, Gedimino 1 ', payseraLocationId: 'LT-VLN-001' });
    expect(shop).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Vilnius, Gedimino 1', payseraLocationId: 'LT-VLN-001', disabled: false });
    expect(await lastAudit()).toEqual({ actor: users.admin, action: 'location.add', outcome: `location ${shop.id}: Vilnius, Gedimino 1 (Paysera location id LT-VLN-001)` });
    const bag = await addLocation({ name: 'Field bag: Jonas' });
    expect(bag.payseraLocationId).toBeNull();
    expect(await lastAudit()).toEqual({ actor: users.admin, action: 'location.add', outcome: `location ${bag.id}: Field bag: Jonas` });
    expect(await h.store.getLocation(bag.id)).toMatchObject({ name: 'Field bag: Jonas', payseraLocationId: null, disabled: false });
  });

  it('refuses a bad name, a bad Paysera id, unknown fields and a name in use, changing nothing', async () => {
    await addLocation({ name: 'Kaunas' });
    const before = await snapshot();
    const cases: [unknown, string][] = [
      [{ name: '' }, 'Enter a name.'],
      [{ name: '    ' }, 'Enter a name.'],
      [{ name: 'x'.repeat(81) }, 'A name has at most 80 characters.'],
      [{ name: 'Riga', payseraLocationId: 'has space' }, 'A Paysera location id has no spaces or accents.'],
      [{ name: 'Riga', payseraLocationId: 'Šilutė' }, 'A Paysera location id has no spaces or accents.'],
      [{ name: 'Riga', payseraLocationId: '' }, 'Enter the Paysera location id, or leave it out.'],
      [{ name: 'Riga', payseraLocationId: 'x'.repeat(65) }, expect.any(String)],
      [{ name: 'Riga', disabled: true }, 'The request has a field it does not take; it takes only name, payseraLocationId.'],
      [{ name: 42 }, expect.any(String)],
      [{ name: 'KAUNAS' }, 'Another location already has this name; choose another.'],
      [{ name: ' Kaunas ' }, 'Another location already has this name; choose another.'],
    ];
    for (const [body, message] of cases) {
      const response = await call(h, 'POST', '/api/locations', { cookie: admin, body });
      expect({ body, status: response.status, error: await errorOf(response) }).toEqual({
        body,
        status: 400,
        error: { code: 'INVALID_INPUT', message, action: expect.any(String) },
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('is for admins only', async () => {
    const before = await snapshot();
    for (const cookie of [cashier, supervisor]) {
      const response = await call(h, 'POST', '/api/locations', { cookie, body: { name: 'Not allowed' } });
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('FORBIDDEN');
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('PATCH /api/locations/:id', () => {
  it('renames, sets and clears the Paysera id, disables and enables, each audited as the admin', async () => {
    const shop = await addLocation({ name: 'Klaipėda' });
    const renamed = await patchLocation(shop.id, { name: 'Klaipėda, Tiltų 5', payseraLocationId: 'KLP-5' });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { location: Location }).location).toEqual({ id: shop.id, name: 'Klaipėda, Tiltų 5', payseraLocationId: 'KLP-5', disabled: false });
    expect(await lastAudit()).toEqual({
      actor: users.admin,
      action: 'location.change',
      outcome: `location ${shop.id} (Klaipėda): renamed to Klaipėda, Tiltų 5, Paysera location id KLP-5`,
    });
    expect((await patchLocation(shop.id, { payseraLocationId: null })).status).toBe(200);
    expect(await lastAudit()).toMatchObject({ outcome: `location ${shop.id} (Klaipėda, Tiltų 5): Paysera location id cleared` });
    expect(await h.store.getLocation(shop.id)).toMatchObject({ payseraLocationId: null });
    expect((await patchLocation(shop.id, { disabled: true })).status).toBe(200);
    expect(await lastAudit()).toMatchObject({ action: 'location.change', outcome: `location ${shop.id} (Klaipėda, Tiltų 5): disabled` });
    expect((await patchLocation(shop.id, { disabled: false })).status).toBe(200);
    expect(await lastAudit()).toMatchObject({ outcome: `location ${shop.id} (Klaipėda, Tiltų 5): enabled` });
  });

  it('records nothing for a change to what already is', async () => {
    const shop = await addLocation({ name: 'Šiauliai', payseraLocationId: 'SIA-1' });
    const before = await snapshot();
    const response = await patchLocation(shop.id, { name: 'Šiauliai', payseraLocationId: 'SIA-1', disabled: false });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { location: Location }).location).toEqual(shop);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an unknown id, a bad body, an empty change and a name in use, changing nothing and repeating no input', async () => {
    const shop = await addLocation({ name: 'Panevėžys' });
    await addLocation({ name: 'Alytus' });
    const before = await snapshot();
    const cases: [string, unknown, number, string][] = [
      ['00000000-0000-4000-8000-000000000000', { name: 'Elsewhere' }, 404, 'NOT_FOUND'],
      ['no-such-location-77', { disabled: true }, 404, 'NOT_FOUND'],
      [shop.id, {}, 400, 'INVALID_INPUT'],
      [shop.id, { name: '' }, 400, 'INVALID_INPUT'],
      [shop.id, { name: 'alytus' }, 400, 'INVALID_INPUT'],
      [shop.id, { disabled: 'no' }, 400, 'INVALID_INPUT'],
      [shop.id, { payseraLocationId: 'with space' }, 400, 'INVALID_INPUT'],
      [shop.id, { id: 'made-up-id-value' }, 400, 'INVALID_INPUT'],
    ];
    for (const [id, body, status, code] of cases) {
      const response = await patchLocation(id, body);
      const text = await response.text();
      expect({ id, body, status: response.status, code: JSON.parse(text).error.code }).toEqual({ id, body, status, code });
      expect(text).not.toMatch(/no-such-location-77|made-up-id-value|Elsewhere/);
    }
    for (const cookie of [cashier, supervisor]) expect((await patchLocation(shop.id, { disabled: true }, cookie)).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});

describe('GET /api/locations', () => {
  it('shows admins every location, and everyone else the enabled ones only', async () => {
    const open = await addLocation({ name: 'Open shop' });
    const closed = await addLocation({ name: 'Closed shop' });
    expect((await patchLocation(closed.id, { disabled: true })).status).toBe(200);
    const adminSees = (await listAs(admin)).map((location) => location.id);
    expect(adminSees).toEqual(expect.arrayContaining([open.id, closed.id]));
    for (const cookie of [cashier, supervisor]) {
      const seen = await listAs(cookie);
      expect(seen.map((location) => location.id)).toContain(open.id);
      expect(seen.map((location) => location.id)).not.toContain(closed.id);
      expect(seen.every((location) => !location.disabled)).toBe(true);
    }
    expect((await call(h, 'GET', '/api/locations')).status).toBe(401);
  });
});
