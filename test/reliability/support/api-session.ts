/**
 * One browser-like client of the Kasa HTTP API: keeps the session cookie it is given, sends the
 * Origin header on state-changing requests (the server's CSRF check), and reports a server that
 * cannot be reached as ServerGone so a crash test can tell "killed" from "answered".
 */

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
}

export class ServerGone extends Error {
  override readonly name = 'ServerGone';
}

export interface ApiSessionOptions {
  /** Sees every response body, e.g. to search them for secrets afterwards. */
  onResponse?: (method: string, path: string, response: ApiResponse) => void;
}

export interface ApiSession {
  /** Where requests go; a crash test moves it to the restarted server. */
  origin: string;
  readonly cookie: string | null;
  request(method: string, path: string, body?: unknown): Promise<ApiResponse>;
  signIn(username: string, password: string): Promise<void>;
}

const sessionCookieName = 'kasa_session';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sessionCookieFrom(headers: Headers): string | null | undefined {
  for (const line of headers.getSetCookie()) {
    const pair = line.split(';')[0] ?? '';
    const [name, ...rest] = pair.split('=');
    if (name?.trim() !== sessionCookieName) continue;
    const value = rest.join('=');
    return value === '' ? null : `${sessionCookieName}=${value}`;
  }
  return undefined;
}

export function createApiSession(origin: string, options: ApiSessionOptions = {}): ApiSession {
  let cookie: string | null = null;
  const session: ApiSession = {
    origin,
    get cookie() {
      return cookie;
    },
    async request(method, path, body) {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (method !== 'GET' && method !== 'HEAD') headers.Origin = session.origin;
      if (cookie !== null) headers.Cookie = cookie;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      let response: Response;
      let text: string;
      try {
        response = await fetch(`${session.origin}${path}`, {
          method,
          headers,
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
        text = await response.text();
      } catch (error) {
        throw new ServerGone(`${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const next = sessionCookieFrom(response.headers);
      if (next !== undefined) cookie = next;
      const result: ApiResponse = { status: response.status, headers: response.headers, text, json: parseJson(text) };
      options.onResponse?.(method, path, result);
      return result;
    },
    async signIn(username, password) {
      const response = await session.request('POST', '/api/session', { username, password });
      if (response.status !== 200 || cookie === null) {
        throw new Error(`sign-in of ${username} failed: HTTP ${response.status} ${response.text}`);
      }
    },
  };
  return session;
}
