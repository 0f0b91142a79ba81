// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocationsScreen } from '../../../web/screens/admin-locations.tsx';
import { startAdminApi } from './admin-api-server.ts';
import { mount } from './render.ts';

let api: Awaited<ReturnType<typeof startAdminApi>>;
let screen: ReturnType<typeof mount>;

beforeAll(async () => {
  api = await startAdminApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.reset();
  api.locations.set('loc-a', { id: 'loc-a', name: 'Shop', payseraLocationId: 'pl-77', disabled: false });
});
afterEach(() => screen.unmount());

async function open() {
  screen = mount(<LocationsScreen show={() => undefined} />);
  await vi.waitFor(() => expect(screen.has('location-row-Shop')).toBe(true));
}

function type(id: string, value: string) {
  const input = screen.byTestId<HTMLInputElement>(id);
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function noticeShown(): Promise<string> {
  await vi.waitFor(() => expect(screen.has('admin-notice')).toBe(true));
  return screen.byTestId('admin-notice').textContent ?? '';
}

const cells = (name: string) => [...screen.byTestId(`location-row-${name}`).querySelectorAll('td')].map((cell) => cell.textContent);

describe('locations screen', () => {
  it('lists each location with its Paysera id, marking the disabled ones', async () => {
    api.locations.set('loc-b', { id: 'loc-b', name: 'Bag 1', payseraLocationId: null, disabled: true });
    await open();
    expect(cells('Shop')).toEqual(['Shop', 'pl-77']);
    expect(cells('Bag 1')).toEqual(['Bag 1Disabled', 'none']);
  });

  it('adds a location with a Paysera id, trimmed, and one without sends no id at all', async () => {
    await open();
    screen.click(screen.byTestId('locations-add'));
    type('locations-name', ' Field bag 3 ');
    type('locations-paysera', ' bag-3 ');
    screen.click(screen.byTestId('locations-save'));
    expect(await noticeShown()).toBe('Location Field bag 3 saved.');
    await vi.waitFor(() => expect(cells('Field bag 3')).toEqual(['Field bag 3', 'bag-3']));

    screen.click(screen.byTestId('locations-add'));
    type('locations-name', 'Kiosk');
    screen.click(screen.byTestId('locations-save'));
    await vi.waitFor(() => expect(screen.has('location-row-Kiosk')).toBe(true));
    expect(api.changes().map(({ method, url, body }) => [method, url, body])).toEqual([
      ['POST', '/api/locations', { name: 'Field bag 3', payseraLocationId: 'bag-3' }],
      ['POST', '/api/locations', { name: 'Kiosk' }],
    ]);
  });

  it('refuses an empty name and a Paysera id with a space, beside the fields, sending nothing', async () => {
    await open();
    screen.click(screen.byTestId('locations-add'));
    type('locations-name', '   ');
    type('locations-paysera', 'bag 3');
    screen.click(screen.byTestId('locations-save'));
    expect(screen.byTestId('locations-name-problem').textContent).toBe('Enter a name of at most 80 characters.');
    expect(screen.byTestId('locations-paysera-problem').textContent).toBe('At most 64 characters, with no spaces or accents.');
    await act(async () => undefined);
    expect(api.changes()).toEqual([]);
  });

  it('sends only what changed: a new name, then an emptied Paysera id as null, which clears it', async () => {
    await open();
    screen.click(screen.byTestId('location-open-Shop'));
    expect(screen.byTestId<HTMLInputElement>('locations-name').value).toBe('Shop');
    expect(screen.byTestId<HTMLInputElement>('locations-paysera').value).toBe('pl-77');
    expect(screen.byTestId<HTMLButtonElement>('locations-save').disabled).toBe(true);
    type('locations-name', 'Main shop');
    screen.click(screen.byTestId('locations-save'));
    expect(await noticeShown()).toBe('Location Main shop saved.');
    await vi.waitFor(() => expect(screen.has('location-row-Main shop')).toBe(true));

    screen.click(screen.byTestId('location-open-Main shop'));
    type('locations-paysera', '');
    screen.click(screen.byTestId('locations-save'));
    await vi.waitFor(() => expect(cells('Main shop')).toEqual(['Main shop', 'none']));
    expect(api.changes().map(({ method, url, body }) => [method, url, body])).toEqual([
      ['PATCH', '/api/locations/loc-a', { name: 'Main shop' }],
      ['PATCH', '/api/locations/loc-a', { payseraLocationId: null }],
    ]);
  });

  it('disables and enables a location', async () => {
    await open();
    screen.click(screen.byTestId('location-open-Shop'));
    screen.click(screen.byTestId('locations-disable'));
    expect(await noticeShown()).toBe('Shop is disabled: no new shifts open there.');
    await vi.waitFor(() => expect(cells('Shop')).toEqual(['ShopDisabled', 'pl-77']));
    screen.click(screen.byTestId('location-open-Shop'));
    screen.click(screen.byTestId('locations-enable'));
    await vi.waitFor(() => expect(cells('Shop')).toEqual(['Shop', 'pl-77']));
    expect(api.changes().map((request) => request.body)).toEqual([{ disabled: true }, { disabled: false }]);
  });

  it('shows a refusal through the error catalogue', async () => {
    await open();
    screen.click(screen.byTestId('locations-add'));
    type('locations-name', 'Shop');
    api.refuseNext({ method: 'POST', status: 403, code: 'FORBIDDEN', message: 'Only an administrator may do this.' });
    screen.click(screen.byTestId('locations-save'));
    await vi.waitFor(() => expect(screen.has('inline-error')).toBe(true));
    expect(screen.byTestId('inline-error').dataset.errorCode).toBe('FORBIDDEN');
  });
});
