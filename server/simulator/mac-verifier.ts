import { createHash, timingSafeEqual } from 'node:crypto';
import { macOf, normalizedString, parseMacHeader } from '../wallet/mac.ts';
import { unauthorized, WalletApiFailure } from './api-failure.ts';
import type { SimClock } from './clock.ts';
import { NonceRegistry } from './nonce-registry.ts';
import type { RequestTarget } from './request-target.ts';

/** Allowed distance between `ts` and the simulator clock; Paysera does not document its own. */
export const timestampWindowSeconds = 300;

/** Strict MAC access authentication (wallet-api.md §2): anything not exactly right is refused. */
export class MacVerifier {
  readonly #clients: Record<string, string>;
  readonly #clock: SimClock;
  readonly #nonces = new NonceRegistry(timestampWindowSeconds);

  constructor(clients: Record<string, string>, clock: SimClock) {
    this.#clients = clients;
    this.#clock = clock;
  }

  /** Returns the refusal, or the ext the authentic request was signed with (its nonce is then spent). */
  verify(target: RequestTarget, authorization: string | undefined, body: Uint8Array): WalletApiFailure | { ext: string } {
    const header = parseMacHeader(authorization);
    if (!header) return unauthorized('MAC authentication is missing or malformed');
    if (!/^\d{1,12}$/.test(header.ts)) return unauthorized('MAC timestamp is not unix seconds');
    const macKey = Object.hasOwn(this.#clients, header.id) ? this.#clients[header.id] : undefined;
    if (macKey === undefined) return unauthorized('Unknown MAC client');

    const bodyHash = new URLSearchParams(header.ext).get('body_hash');
    if (body.length > 0 && bodyHash === null) return unauthorized('Request body is not covered by body_hash');
    if (bodyHash !== null && bodyHash !== createHash('sha256').update(body).digest('base64')) return unauthorized('body_hash does not match the request body');

    const ts = Number(header.ts);
    const expected = macOf(normalizedString({ ...target, ts, nonce: header.nonce, ext: header.ext }), macKey);
    if (!sameText(expected, header.mac)) return unauthorized('MAC does not match the request');

    const now = this.#clock.nowSeconds();
    if (ts > now + timestampWindowSeconds) return new WalletApiFailure(401, 'invalid_timestamp', 'Timestamp is in future');
    if (ts < now - timestampWindowSeconds) return new WalletApiFailure(401, 'invalid_timestamp', 'Timestamp lifetime exceeded');
    if (this.#nonces.seen(header.id, header.nonce, now)) return unauthorized('Nonce has already been used');
    this.#nonces.remember(header.id, header.nonce, ts, now);
    return { ext: header.ext };
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
