/**
 * The simulator's notion of "now": real time plus an offset that tests and the control API move
 * forward, so expiries happen deterministically without waiting, while clients that sign with
 * their own real clock stay inside the timestamp window.
 */
export class SimClock {
  #offsetMs = 0;

  /** Milliseconds since the epoch. */
  now(): number {
    return Date.now() + this.#offsetMs;
  }

  /** Unix seconds, the unit of every time the Wallet API shows. */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds)) throw new RangeError(`cannot advance the clock by ${seconds} seconds`);
    this.#offsetMs += seconds * 1000;
  }
}
