import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Account, Location } from '../../../shared/desk-api.ts';
import { setPageUrl } from '../page-url.ts';

export interface SeenRequest {
  method: string;
  url: string;
  body: unknown;
}

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
  const seen: SeenRequest[] = [];
  const accounts = new Map<string, Account>();
  const locations = new Map<string, Location>();
  const planned: PlannedError[] = [];

  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      const method = request.method ?? 'GET';
      const url = request.url ?? '/';
      const body: unknown = text === '' ? undefined : JSON.parse(text);
      seen.push({ method, url, body });
      const send = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(payload));
      };
      const error = planned.findIndex((entry) => entry.method === method);
      if (error >= 0) {
        const [{ status, code, message }] = planned.splice(error, 1) as [PlannedError];
        send(status, { error: { code, message, action: 'Fix it.' } });
        return;
      }
      const [, , kind, key] = url.split('/').map(decodeURIComponent);
      const patch = body as Record<string, unknown>;
      if (kind === 'users') {
        if (method === 'GET') return send(200, { users: [...accounts.values()] });
        if (method === 'POST') {
          const user = { username: String(patch.username), role: patch.role as Account['role'], disabled: false, createdAt: '2026-11-30T10:00:00.000Z' };
          accounts.set(user.username, user);
          return send(201, { user });
        }
        const user = accounts.get(key ?? '');
        if (!user) return send(404, { error: { code: 'NOT_FOUND', message: 'No such user.', action: 'Reload.' } });
        const { password: _password, ...change } = patch;
        Object.assign(user, change);
        return send(200, { user });
      }
      if (kind === 'locations') {
        if (method === 'GET') return send(200, { locations: [...locations.values()] });
        if (method === 'POST') {
          const location = { id: `loc-${locations.size + 1}`, name: String(patch.name), payseraLocationId: (patch.payseraLocationId as string) ?? null, disabled: false };
          locations.set(location.id, location);
          return send(201, { location });
        }
        const location = locations.get(key ?? '');
        if (!location) return send(404, { error: { code: 'NOT_FOUND', message: 'No such location.', action: 'Reload.' } });
        Object.assign(location, patch);
        return send(200, { location });
      }
      send(404, { error: { code: 'NOT_FOUND', message: 'Not here.', action: 'Reload.' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  setPageUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);

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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
