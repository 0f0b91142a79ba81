import type { WalletOperation } from '../wallet/errors.ts';
import type { TransactionView } from './state-views.ts';

/** The Wallet API calls that change a transaction (wallet-api.md: create, reserve, confirm, revoke). */
export type WalletWrite = 'create' | 'reserve' | 'confirm' | 'revoke';

const writes: ReadonlySet<WalletOperation> = new Set<WalletOperation>(['create', 'reserve', 'confirm', 'revoke']);

export function isWalletWrite(operation: WalletOperation): operation is WalletWrite {
  return writes.has(operation);
}

export interface WriteOverlap {
  /** What the writes were for: `operation:<kasa_operation_id>` or `transaction:<key>`. */
  subject: string;
  /** The write that arrived while the others were still in flight. */
  arrived: WalletWrite;
  inFlight: WalletWrite[];
  /**
   * Whether every write still in flight had lost its sender (the connection closed: the client
   * gave up at its timeout, or died) before this one arrived. Paysera still applies such a write.
   */
  sendersGone: boolean;
  /** Epoch milliseconds. */
  at: number;
}

interface InFlightWrite {
  write: WalletWrite;
  senderGone: () => boolean;
}

/**
 * Which transaction a write is for. Kasa tags each create with its cash-out id
 * (`kasa_operation_id`), so a create still waiting for its key and a later write on the key it got
 * count as one subject; a transaction without the tag is known by its key alone.
 */
export function writeSubject(operationId: unknown, key?: string): string | null {
  if (typeof operationId === 'string' && operationId !== '') return `operation:${operationId}`;
  return key === undefined ? null : `transaction:${key}`;
}

export function operationIdOf(transaction: TransactionView | undefined): unknown {
  return transaction?.payments[0]?.parameters?.kasa_operation_id;
}

/**
 * Counts, per transaction, the Wallet writes in flight at once and keeps every overlap: two
 * writes for one transaction in flight together mean two drivers of one cash-out, which the
 * per-cash-out lock (one instance or several) must never allow.
 */
export class WriteOverlapRecorder {
  readonly #inFlight = new Map<string, InFlightWrite[]>();
  #overlaps: WriteOverlap[] = [];
  #writesSeen = 0;

  /** Marks `write` in flight for `subject`; call the returned function when its answer is decided. */
  begin(write: WalletWrite, subject: string, senderGone: () => boolean = () => false): () => void {
    this.#writesSeen += 1;
    const current = this.#inFlight.get(subject) ?? [];
    if (current.length > 0) {
      const inFlight = current.map((entry) => entry.write);
      this.#overlaps.push({ subject, arrived: write, inFlight, sendersGone: current.every((entry) => entry.senderGone()), at: Date.now() });
    }
    const entry = { write, senderGone };
    current.push(entry);
    this.#inFlight.set(subject, current);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      current.splice(current.indexOf(entry), 1);
      if (current.length === 0) this.#inFlight.delete(subject);
    };
  }

  overlaps(): WriteOverlap[] {
    return this.#overlaps.map((overlap) => ({ ...overlap, inFlight: [...overlap.inFlight] }));
  }

  /** Writes counted since the start or the last `clear`, so a test can tell "no overlap" from "nothing seen". */
  writesSeen(): number {
    return this.#writesSeen;
  }

  clear(): void {
    this.#overlaps = [];
    this.#writesSeen = 0;
  }
}
