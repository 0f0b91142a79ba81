import { describe, expect, it } from 'vitest';
import { call, errorOf, password, signIn, users } from '../server/http/harness.ts';
import { cashier, h } from '../server/http/signed-in-cashier.ts';

/** Issue 10, LOW: a validation error names fields from the schema only, never a key the client made up. */

const madeUpKey = 'zz-client-chosen-key-7f3a';

describe('validation errors', () => {
  it('describe an unknown key without repeating it, naming the fields the request takes', async () => {
    const response = await call(h, 'POST', '/api/session', { body: { username: users.cashier, password, [madeUpKey]: 1 } });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toContain(madeUpKey);
    expect(JSON.parse(text).error).toEqual({
      code: 'INVALID_INPUT',
      message: 'The request has a field it does not take; it takes only username, password.',
      action: expect.any(String),
    });
  });

  it('hold for every body the API validates', async () => {
    const created = await call(h, 'POST', '/api/cashouts', { cookie: cashier, body: { amount: '10.00', currency: 'EUR', [madeUpKey]: true } });
    expect(created.status).toBe(400);
    expect((await errorOf(created)).message).toBe('The request has a field it does not take; it takes only amount, currency.');

    const ok = await call(h, 'POST', '/api/cashouts', { cookie: cashier, body: { amount: '10.00', currency: 'EUR' } });
    const { id } = (await ok.json()) as { id: string };
    for (const [path, body] of [
      [`/api/cashouts/${id}/reserve`, { code: '1234', [madeUpKey]: 'x' }],
      [`/api/cashouts/${id}/confirm`, { identityChecked: true, [madeUpKey]: 'x' }],
      [`/api/cashouts/${id}/approve`, { username: users.supervisor, password, [madeUpKey]: 'x' }],
    ] as const) {
      const response = await call(h, 'POST', path, { cookie: cashier, body });
      expect(response.status, path).toBe(400);
      expect(await response.text(), path).not.toContain(madeUpKey);
    }
  });

  it("hold for the desk's bodies too: accounts, locations and shifts", async () => {
    const admin = await signIn(h, users.admin);
    const location = await call(h, 'POST', '/api/locations', { cookie: admin, body: { name: 'Echo test shop' } });
    const locationId = ((await location.json()) as { location: { id: string } }).location.id;
    const opened = await call(h, 'POST', '/api/shifts', { cookie: cashier, body: { locationId, float: [{ amount: '100.00', currency: 'EUR' }] } });
    const shiftId = ((await opened.json()) as { shift: { id: string } }).shift.id;
    const cases: [string, string, string, object, string][] = [
      [admin, 'POST', '/api/users', { username: 'echo-user', role: 'cashier', password }, 'username, role, password'],
      [admin, 'PATCH', `/api/users/${users.cashier}`, { role: 'cashier' }, 'role, password, disabled'],
      [admin, 'POST', '/api/locations', { name: 'Echo shop 2' }, 'name, payseraLocationId'],
      [admin, 'PATCH', `/api/locations/${locationId}`, { name: 'Echo shop 3' }, 'name, payseraLocationId, disabled'],
      [cashier, 'POST', '/api/shifts', { locationId, float: [] }, 'locationId, float'],
      [cashier, 'POST', `/api/shifts/${shiftId}/movements`, { kind: 'pay_in', amount: '5.00', currency: 'EUR', reason: 'change' }, 'kind, amount, currency, reason'],
      [cashier, 'POST', `/api/shifts/${shiftId}/close`, { counted: [] }, 'counted'],
      [cashier, 'POST', `/api/shifts/${shiftId}/sign-off`, { username: users.supervisor, password }, 'username, password'],
    ];
    for (const [cookie, method, path, body, fields] of cases) {
      const response = await call(h, method, path, { cookie, body: { ...body, [madeUpKey]: 'x' } });
      const text = await response.text();
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(text, path).not.toContain(madeUpKey);
      expect(JSON.parse(text).error.message, path).toBe(`The request has a field it does not take; it takes only ${fields}.`);
    }
    expect(await h.store.getUser('echo-user')).toBeNull();
    expect((await h.store.listLocations()).map((entry) => entry.name)).toEqual(['Echo test shop']);
  });

  it("keep the schema's own message for a known field", async () => {
    const response = await call(h, 'POST', '/api/session', { body: { username: '', password } });
    expect((await errorOf(response)).message).toBe('Enter a username.');
  });
});
