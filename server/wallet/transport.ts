import { mapWalletError } from './error-mapping.ts';
import { WalletError, WalletOutcomeUnknown } from './errors.ts';
import type { WalletOperation } from './errors.ts';
import { generateNonce, signRequest } from './mac.ts';
import { type HttpSend, RedirectRefused, type SentResponse } from './http-send.ts';
import { errorBodySchema } from './schemas.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface WalletRequest {
  operation: WalletOperation;
  method: HttpMethod;
  /** Relative to the base URL, with every segment and query value already encoded. */
  path: string;
  /** Serialised here exactly once; those bytes are both hashed and sent. */
  body?: unknown;
  signed: boolean;
  /** Values (the reservation code) to blank out of anything Paysera echoes into an error. */
  secrets?: string[];
  /** Replaces the configured `location_id` in this request's MAC ext; the other ext parameters stay. */
  locationId?: string;
}

export interface WalletResponse {
  status: number;
  /** Parsed JSON; undefined for an empty body. */
  body: unknown;
}

/** ok: answered; refused: Paysera said no (a Wallet error body); unknown: the outcome is open (timeout, network, 5xx, unreadable). */
export type WalletCallOutcome = 'ok' | 'refused' | 'unknown';

export interface WalletEvent {
  op: WalletOperation;
  ms: number;
  outcome: WalletCallOutcome;
  status?: number;
  error?: string;
}

export interface TransportOptions {
  baseUrl: string;
  clientId: string;
  macKey: string;
  timeoutMs: number;
  extParams?: Record<string, string>;
  send: HttpSend;
  now: () => number;
  /** Offset-corrected unix seconds for `ts`. */
  timestamp: () => number;
  onEvent?: (e: WalletEvent) => void;
}

export type Transport = (request: WalletRequest) => Promise<WalletResponse>;

/**
 * One signed HTTP attempt, no retries. Anything that leaves the outcome open (timeout, dropped
 * connection, 5xx, a 2xx we cannot read) becomes WalletOutcomeUnknown; a Paysera error body
 * becomes WalletError.
 */
export function createTransport(options: TransportOptions): Transport {
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;

  return async (request) => {
    // Sign the URL as it will go on the request line, so the signed path is the sent path.
    const url = new URL(request.path, base).href;
    const bodyText = request.body === undefined ? undefined : JSON.stringify(request.body);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (bodyText !== undefined) headers['Content-Type'] = 'application/json';
    if (request.signed) {
      headers.Authorization = signRequest({
        method: request.method,
        url,
        body: bodyText,
        clientId: options.clientId,
        macKey: options.macKey,
        ts: options.timestamp(),
        nonce: generateNonce(),
        ...extParamsOf(options, request),
      });
    }

    const started = options.now();
    const report = (outcome: WalletCallOutcome, status: number | undefined, error: string | undefined): void => {
      options.onEvent?.({
        op: request.operation,
        ms: options.now() - started,
        outcome,
        ...(status !== undefined && { status }),
        ...(error !== undefined && { error }),
      });
    };

    let raw: SentResponse;
    try {
      raw = await sendWithTimeout(options, url, { method: request.method, headers, body: bodyText });
    } catch (error) {
      const reason = error instanceof TimeoutError ? `timeout after ${options.timeoutMs} ms` : networkReason(error);
      report('unknown', undefined, reason);
      throw new WalletOutcomeUnknown(request.operation, reason);
    }

    try {
      const response = classify(request, raw);
      report('ok', raw.status, undefined);
      return response;
    } catch (error) {
      if (error instanceof WalletError) report('refused', raw.status, error.walletError);
      else report('unknown', raw.status, error instanceof WalletOutcomeUnknown ? error.reason : 'unexpected');
      throw error;
    }
  };
}

function extParamsOf(options: TransportOptions, request: WalletRequest): { extParams?: Record<string, string> } {
  if (request.locationId === undefined) return options.extParams === undefined ? {} : { extParams: options.extParams };
  return { extParams: { ...options.extParams, location_id: request.locationId } };
}

class TimeoutError extends Error {}

async function sendWithTimeout(
  options: TransportOptions,
  url: string,
  init: { method: HttpMethod; headers: Record<string, string>; body: string | undefined },
): Promise<SentResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutError()), options.timeoutMs);
  try {
    return await options.send(url, { ...init, signal: controller.signal });
  } catch (error) {
    throw controller.signal.aborted ? new TimeoutError() : error;
  } finally {
    clearTimeout(timer);
  }
}

/** Only the error code (of the error or its cause): a message may carry more than we want in a log. */
function networkReason(error: unknown): string {
  if (error instanceof RedirectRefused) return error.message;
  const codeOf = (value: unknown): unknown => (typeof value === 'object' && value !== null ? (value as { code?: unknown }).code : undefined);
  const code = codeOf(error) ?? (error instanceof Error ? codeOf(error.cause) : undefined);
  return typeof code === 'string' ? `network error (${code})` : 'network error';
}

function classify(request: WalletRequest, raw: SentResponse): WalletResponse {
  if (raw.status >= 500) throw new WalletOutcomeUnknown(request.operation, `HTTP ${raw.status}`);
  const parsed = parseJson(raw.text);
  if (raw.status >= 200 && raw.status < 300) {
    if (!parsed.ok) throw new WalletOutcomeUnknown(request.operation, `unreadable response body (HTTP ${raw.status})`);
    return { status: raw.status, body: parsed.value };
  }
  const errorBody = errorBodySchema.safeParse(parsed.ok ? parsed.value : undefined);
  const walletError = errorBody.success ? errorBody.data.error : `http_${raw.status}`;
  const description = errorBody.success ? errorBody.data.error_description : undefined;
  const code = mapWalletError({ error: walletError, httpStatus: raw.status, operation: request.operation, ...(description !== undefined && { description }) });
  const safeDescription = description === undefined ? undefined : redact(description, request.secrets);
  throw new WalletError(code, redact(walletError, request.secrets), raw.status, safeDescription, raw.correlationId);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function redact(text: string, secrets: string[] | undefined): string {
  return (secrets ?? []).filter((s) => s !== '').reduce((acc, secret) => acc.split(secret).join('[redacted]'), text);
}
