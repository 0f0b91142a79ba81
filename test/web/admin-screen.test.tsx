// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AdminScreen } from '../../web/admin-screen.tsx';
import { startAdminApi } from './screens/admin-api-server.ts';
import { mount } from './screens/render.ts';

let api: Awaited<ReturnType<typeof startAdminApi>>;
let screen: ReturnType<typeof mount> | undefined;

beforeAll(async () => {
  api = await startAdminApi();
});
afterAll(() => api.close());
afterEach(() => screen?.unmount());

describe('the admin screens’ loader', () => {
  it('shows a wait while the admin chunk loads, then the screen asked for', async () => {
    api.locations.set('loc-1', { id: 'loc-1', name: 'Shop', payseraLocationId: null, disabled: false });
    screen = mount(<AdminScreen name="locations" user={{ username: 'root', role: 'admin' }} show={() => undefined} />);
    expect(screen.has('boot-screen')).toBe(true);
    await vi.waitFor(() => expect(screen?.has('location-row-Shop')).toBe(true));
    expect(screen.has('accounts-screen')).toBe(false);
  });
});
