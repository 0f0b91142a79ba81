/** Remembers nonces per client for as long as a request carrying them could still pass the timestamp check. */
export class NonceRegistry {
  readonly #windowSeconds: number;
  readonly #forgetAt = new Map<string, Map<string, number>>();

  constructor(windowSeconds: number) {
    this.#windowSeconds = windowSeconds;
  }

  seen(clientId: string, nonce: string, now: number): boolean {
    const nonces = this.#forgetAt.get(clientId);
    if (!nonces) return false;
    for (const [n, forgetAt] of nonces) if (forgetAt <= now) nonces.delete(n);
    return nonces.has(nonce);
  }

  /** A future `ts` keeps the request valid longer, so the nonce is kept longer too. */
  remember(clientId: string, nonce: string, ts: number, now: number): void {
    let nonces = this.#forgetAt.get(clientId);
    if (!nonces) {
      nonces = new Map();
      this.#forgetAt.set(clientId, nonces);
    }
    nonces.set(nonce, Math.max(ts, now) + this.#windowSeconds + 1);
  }
}
