import type { Account, Location } from '../../../shared/desk-api.ts';
import { type Answer, startLoopbackApi } from '../loopback-api.ts';

/** An error the next matching request answers with, in the server's one error shape. */
export interface PlannedError {
  method: string;
  status: number;
  code: string;
  message: string;
}

/**
 * The admin routes of design §3.1 on loopback, over real HTTP, holding accounts and locations in
 * memory, so the screens' requests are read exactly as sent and their answers parsed as the
 * server's. The route logic under test lives in the real server's own tests; this one applies a
 * PATCH as the contract describes and records every request.
 */
export async function startAdminApi() {
  const accounts = new Map<string, Account>();
  const locations = new Map<string, Location>();
  const planned: PlannedError[] = [];

  const fail = (status: number, code: string, message: string, action: string): Answer => ({ status, body: { error: { code, message, action } } });

  const api = await startLoopbackApi(({ method, url, body }) => {
    const error = planned.findIndex((entry) => entry.method === method);
    if (error >= 0) {
      const [{ status, code, message }] = planned.splice(error, 1) as [PlannedError];
      return fail(status, code, message, 'Fix it.');
    }
    const [, , kind, key] = url.split('/').map(decodeURIComponent);
    const patch = body as Record<string, unknown>;
    if (kind === 'users') {
      if (method === 'GET') return { body: { users: [...accounts.values()] } };
      if (method === 'POST') {
        const user = { username: String(patch.username), role: patch.role as Account['role'], disabled: false, createdAt: '2026-11-30T10:00:00.000Z' };
        accounts.set(user.username, user);
        return { status: 201, body: { user } };
      }
      const user = accounts.get(key ?? '');
      if (!user) return fail(404, 'NOT_FOUND', 'No such user.', 'Reload.');
      const { password: _password, ...change } = patch;
      Object.assign(user, change);
      return { body: { user } };
    }
    if (kind === 'locations') {
      if (method === 'GET') return { body: { locations: [...locations.values()] } };
      if (method === 'POST') {
        const location = { id: `loc-${locations.size + 1}`, name: String(patch.name), payseraLocationId: (patch.payseraLocationId as string) ?? null, disabled: false };
        locations.set(location.id, location);
        return { status: 201, body: { location } };
      }
      const location = locations.get(key ?? '');
      if (!location) return fail(404, 'NOT_FOUND', 'No such location.', 'Reload.');
      Object.assign(location, patch);
      return { body: { location } };
    }
    return fail(404, 'NOT_FOUND', 'Not here.', 'Reload.');
  });
  const seen = api.requests;

  return {
    seen,
    accounts,
    locations,
    /** The next request of this method is refused with this error. */
    refuseNext: (error: PlannedError) => planned.push(error),
    /** The requests that changed something (everything but the list reads). */
    changes: () => seen.filter((request) => request.method !== 'GET'),
    reset() {
      seen.length = 0;
      accounts.clear();
      locations.clear();
      planned.length = 0;
    },
    close: api.close,
  };
}
