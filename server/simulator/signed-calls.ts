import type { WalletOperation } from '../wallet/errors.ts';

/** One authenticated Wallet call as it arrived: which operation, on which path, with which MAC ext parameters. */
export interface SignedCall {
  operation: WalletOperation;
  path: string;
  /** The ext parameters besides body_hash (project_id, location_id), as the client signed them. */
  ext: Record<string, string>;
}

/** The most recent calls are kept, so a long demo run holds a bounded amount. */
const kept = 1000;

/** What the simulator was told about the caller with each call, for tests of who a request was signed for. */
export class SignedCallLog {
  readonly #calls: SignedCall[] = [];

  record(operation: WalletOperation, path: string, ext: string): void {
    const params = Object.fromEntries(new URLSearchParams(ext));
    delete params.body_hash;
    this.#calls.push({ operation, path, ext: params });
    if (this.#calls.length > kept) this.#calls.splice(0, this.#calls.length - kept);
  }

  get calls(): readonly SignedCall[] {
    return [...this.#calls];
  }
}
