import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * MAC access authentication as Paysera's Wallet API expects it (../shared/wallet-api.md §2).
 * Pure functions: the signer takes ts and nonce as inputs so it can be checked against the
 * published vectors, and the simulator verifies with the very same normalisation.
 */

export interface NormalizedParts {
  ts: number;
  nonce: string;
  method: string;
  requestUri: string;
  host: string;
  port: number;
  ext: string;
}

export function normalizedString(p: NormalizedParts): string {
  return [String(p.ts), p.nonce, p.method.toUpperCase(), p.requestUri, p.host.toLowerCase(), String(p.port), p.ext, ''].join('\n');
}

export function macOf(normalized: string, macKey: string, algorithm: 'sha256' | 'sha1' = 'sha256'): string {
  return createHmac(algorithm, Buffer.from(macKey, 'utf8')).update(normalized, 'utf8').digest('base64');
}

export function bodyHash(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('base64');
}

/** `ext` is a form-encoded query: body_hash first, then the extra parameters in the given order. */
export function buildExt(body: string | undefined, extParams: Record<string, string> = {}): string {
  const pairs: [string, string][] = [];
  if (body !== undefined && body !== '') pairs.push(['body_hash', bodyHash(body)]);
  for (const [key, value] of Object.entries(extParams)) pairs.push([key, value]);
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

export interface UrlParts {
  requestUri: string;
  host: string;
  port: number;
}

/** Splits a URL by hand: the path and query must be signed exactly as sent, never re-encoded. */
export function splitUrl(url: string): UrlParts {
  const match = /^(https?):\/\/([^/?#:]+)(?::(\d+))?([^#]*)/i.exec(url);
  if (!match) throw new TypeError('not an absolute http(s) URL');
  const scheme = (match[1] ?? '').toLowerCase();
  const port = match[3] ? Number(match[3]) : scheme === 'https' ? 443 : 80;
  const rest = match[4] ?? '';
  return { host: (match[2] ?? '').toLowerCase(), port, requestUri: rest === '' ? '/' : rest };
}

export function generateNonce(): string {
  return randomBytes(24).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 32).padEnd(32, '0');
}

export interface SignInput {
  method: string;
  url: string;
  body?: string;
  clientId: string;
  macKey: string;
  ts: number;
  nonce: string;
  extParams?: Record<string, string>;
}

/** Returns the `Authorization` header value for one request. */
export function signRequest(input: SignInput): string {
  const { requestUri, host, port } = splitUrl(input.url);
  const ext = buildExt(input.body, input.extParams);
  const mac = macOf(normalizedString({ ts: input.ts, nonce: input.nonce, method: input.method, requestUri, host, port, ext }), input.macKey);
  const extPart = ext === '' ? '' : `, ext="${ext}"`;
  return `MAC id="${input.clientId}", ts="${input.ts}", nonce="${input.nonce}", mac="${mac}"${extPart}`;
}

export interface MacHeader {
  id: string;
  ts: string;
  nonce: string;
  mac: string;
  ext: string;
}

/** Parses an `Authorization: MAC …` value; null when it is not one. */
export function parseMacHeader(value: string | undefined | null): MacHeader | null {
  if (!value || !/^MAC\s+/.test(value)) return null;
  const params: Record<string, string> = {};
  const re = /([a-z]+)="([^"\\]*)"\s*(?:,\s*|$)/gy;
  re.lastIndex = value.indexOf(' ') + 1;
  while (re.lastIndex < value.length) {
    while (value[re.lastIndex] === ' ') re.lastIndex++;
    const m = re.exec(value);
    if (!m || m[1] === undefined || m[2] === undefined) return null;
    params[m[1]] = m[2];
  }
  const { id, ts, nonce, mac } = params;
  if (!id || !ts || !nonce || !mac) return null;
  return { id, ts, nonce, mac, ext: params.ext ?? '' };
}
