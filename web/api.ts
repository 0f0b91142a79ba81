import type {
  AuditVerifyResponse,
  Cashout,
  ConfigResponse,
  CurrentSessionResponse,
  DailyReport,
  HealthResponse,
  HistoryResponse,
  IdentityCheck,
  SessionResponse,
} from '../shared/api.ts';
import { errorCatalogue, type ErrorCode } from '../shared/errors.ts';
import type { Currency } from '../shared/money.ts';
import { reportReachable, reportUnreachable } from './connectivity.ts';
import { reportSessionEnded } from './session-events.ts';

/** The server answered with its one error shape (or something we read as such). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly action: string,
  ) {
    super(message);
  }
}

/** The request never got an answer: offline, server down, or the answer was cut off. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor() {
    super('No answer from the server.');
  }
}

/**
 * The server holds Paysera calls open for its own timeouts and read-backs; past this the
 * outcome is treated as unknown, which the UI resolves by reading the cash-out back.
 */
const requestTimeoutMs = 60_000;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalogue, value);
}

/** Reads any non-2xx answer into an ApiError; bodies that are not the error shape become INTERNAL. */
export function parseErrorResponse(status: number, bodyText: string): ApiError {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    body = null;
  }
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error === 'object' && error !== null) {
    const { code, message, action } = error as Record<string, unknown>;
    if (isErrorCode(code)) {
      const entry = errorCatalogue[code];
      return new ApiError(
        status,
        code,
        typeof message === 'string' && message !== '' ? message : entry.message,
        typeof action === 'string' && action !== '' ? action : entry.action,
      );
    }
  }
  const fallback = status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL';
  return new ApiError(status, fallback, errorCatalogue[fallback].message, errorCatalogue[fallback].action);
}

/** One call to the server's JSON API; other modules' calls (admin-api.ts) go through it too. */
export async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
    text = await response.text();
  } catch {
    reportUnreachable();
    throw new NetworkError();
  }
  reportReachable();
  if (!response.ok) {
    const error = parseErrorResponse(response.status, text);
    if (error.code === 'UNAUTHENTICATED') reportSessionEnded();
    throw error;
  }
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw parseErrorResponse(response.status, '');
  }
}

const cashoutPath = (id: string) => `/api/cashouts/${encodeURIComponent(id)}`;

export const api = {
  session: () => request<CurrentSessionResponse>('GET', '/api/session'),
  signIn: (username: string, password: string) => request<SessionResponse>('POST', '/api/session', { username, password }),
  signOut: () => request<void>('DELETE', '/api/session'),
  config: () => request<ConfigResponse>('GET', '/api/config'),
  health: () => request<HealthResponse>('GET', '/api/health'),
  createCashout: (amount: string, currency: Currency) => request<Cashout>('POST', '/api/cashouts', { amount, currency }),
  cashout: (id: string) => request<Cashout>('GET', cashoutPath(id)),
  reserve: (id: string, code: string) => request<Cashout>('POST', `${cashoutPath(id)}/reserve`, { code }),
  approve: (id: string, username: string, password: string) =>
    request<Cashout>('POST', `${cashoutPath(id)}/approve`, { username, password }),
  confirm: (id: string, identityChecks: readonly IdentityCheck[]) => request<Cashout>('POST', `${cashoutPath(id)}/confirm`, { identityChecks }),
  cancel: (id: string) => request<Cashout>('POST', `${cashoutPath(id)}/cancel`, {}),
  history: (date: string) => request<HistoryResponse>('GET', `/api/cashouts?date=${encodeURIComponent(date)}`),
  dailyReport: (date: string) => request<DailyReport>('GET', `/api/reports/daily?date=${encodeURIComponent(date)}`),
  verifyAudit: () => request<AuditVerifyResponse>('GET', '/api/audit/verify'),
};
