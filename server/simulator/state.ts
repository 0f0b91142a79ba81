import type { WalletOperation } from '../wallet/errors.ts';
import { invalidState, notFound, reservationFailures } from './api-failure.ts';
import type { SimClock } from './clock.ts';
import { FaultRegistry } from './faults.ts';
import type { ActiveFault, FaultSpec, FaultView } from './faults.ts';
import { randomReservationCode, randomTransactionKey } from './ids.ts';
import { defaultHolderName } from './state-views.ts';
import type { CodeView, IssuedCode, NewWalletOptions, PaymentInput, TransactionFilter, TransactionView, WalletRecord, WalletView } from './state-views.ts';

export interface SimulatorStateOptions {
  codeTtlSeconds: number;
}

/** Wallets, reservation codes, transactions and faults, all in memory, all timed by the simulator clock. */
export class SimulatorState {
  readonly #clock: SimClock;
  readonly #codeTtlSeconds: number;
  readonly #wallets = new Map<number, WalletRecord>();
  readonly #codes = new Map<string, CodeView>();
  readonly #transactions = new Map<string, TransactionView>();
  /** The transactions holding money right now, so expiring holds never walks the settled ones. */
  readonly #reserved = new Set<TransactionView>();
  readonly #faults = new FaultRegistry();
  // Start at the ids the documentation's examples use, so demo output looks familiar.
  #nextWalletId = 14471;
  #nextPaymentId = 2987;

  constructor(clock: SimClock, options: SimulatorStateOptions) {
    this.#clock = clock;
    this.#codeTtlSeconds = options.codeTtlSeconds;
  }

  /** Returns the new wallet's id. */
  createWallet(balances: Record<string, number>, { walletId, holderName = defaultHolderName }: NewWalletOptions = {}): number {
    for (const [currency, cents] of Object.entries(balances)) {
      if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`balance for ${currency} must be non-negative integer cents`);
    }
    const id = walletId ?? this.#freeWalletId();
    if (!Number.isSafeInteger(id) || id <= 0) throw new RangeError(`wallet id must be a positive integer, got ${id}`);
    if (this.#wallets.has(id)) throw new RangeError(`wallet ${id} already exists`);
    this.#wallets.set(id, { id, holderName, balances: new Map(Object.entries(balances)), held: new Map() });
    return id;
  }

  wallet(id: number): WalletView | undefined {
    this.#expireHolds();
    const wallet = this.#wallets.get(id);
    if (!wallet) return undefined;
    const currencies = new Set([...wallet.balances.keys(), ...wallet.held.keys()]);
    const view: WalletView = { id, holderName: wallet.holderName, balances: {}, held: {}, available: {} };
    for (const currency of currencies) {
      const balance = wallet.balances.get(currency) ?? 0;
      const held = wallet.held.get(currency) ?? 0;
      view.balances[currency] = balance;
      view.held[currency] = held;
      view.available[currency] = balance - held;
    }
    return view;
  }

  issueCode(walletId: number, ttlSeconds: number = this.#codeTtlSeconds): IssuedCode {
    if (!this.#wallets.has(walletId)) throw new RangeError(`wallet ${walletId} does not exist`);
    if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0) throw new RangeError('ttlSeconds must be a positive integer');
    let code = randomReservationCode();
    while (this.#codes.has(code)) code = randomReservationCode();
    const expiresAt = this.#clock.nowSeconds() + ttlSeconds;
    this.#codes.set(code, { walletId, expiresAt, used: false });
    return { code, expiresAt };
  }

  code(code: string): CodeView | undefined {
    const view = this.#codes.get(code);
    return view && { ...view };
  }

  transaction(key: string): TransactionView | undefined {
    this.#expireHolds();
    const t = this.#transactions.get(key);
    return t && structuredClone(t);
  }

  transactions(): TransactionView[] {
    this.#expireHolds();
    return [...this.#transactions.values()].map((t) => structuredClone(t));
  }

  addFault(spec: FaultSpec): number {
    return this.#faults.add(spec);
  }

  clearFaults(): void {
    this.#faults.clear();
  }

  faults(): FaultView[] {
    return this.#faults.list();
  }

  /** Consumes one firing of the first fault matching this call, if any. */
  takeFault(operation: WalletOperation): ActiveFault | undefined {
    return this.#faults.take(operation);
  }

  // The operations below are the Wallet API's; they refuse with WalletApiFailure.

  createTransaction(payments: readonly PaymentInput[], reserveForSeconds: number): TransactionView {
    this.#expireHolds();
    const first = payments[0];
    if (!first || payments.some((p) => p.currency !== first.currency)) throw new RangeError('payments must be non-empty and share one currency');
    let key = randomTransactionKey();
    while (this.#transactions.has(key)) key = randomTransactionKey();
    const transaction: TransactionView = {
      key,
      status: 'new',
      amount: payments.reduce((sum, p) => sum + p.price, 0),
      currency: first.currency,
      payments: payments.map((p) => ({ ...structuredClone(p), id: this.#nextPaymentId++ })),
      createdAt: this.#clock.nowSeconds(),
      reserveForSeconds,
      confirmCount: 0,
      revokeCount: 0,
      expired: false,
    };
    this.#transactions.set(key, transaction);
    return structuredClone(transaction);
  }

  getTransaction(key: string): TransactionView {
    this.#expireHolds();
    return structuredClone(this.#existing(key));
  }

  /** Checks in the order a cashier would hit them: state, code, expiry, funds. The code is spent only on success. */
  reserveWithCode(key: string, code: string): TransactionView {
    this.#expireHolds();
    const t = this.#existing(key);
    if (t.status !== 'new') throw invalidState(`Transaction is ${t.status}; only a new transaction can be reserved`);
    const entry = this.#codes.get(code);
    if (!entry || entry.used) throw reservationFailures.invalidCode();
    const now = this.#clock.nowSeconds();
    if (now >= entry.expiresAt) throw reservationFailures.codeExpired();
    const wallet = this.#wallets.get(entry.walletId);
    if (!wallet) throw reservationFailures.invalidCode();
    const available = (wallet.balances.get(t.currency) ?? 0) - (wallet.held.get(t.currency) ?? 0);
    if (available < t.amount) throw reservationFailures.insufficientFunds();
    entry.used = true;
    wallet.held.set(t.currency, (wallet.held.get(t.currency) ?? 0) + t.amount);
    t.status = 'reserved';
    this.#reserved.add(t);
    t.type = 'reservation_code';
    t.walletId = wallet.id;
    t.reservedAt = now;
    t.reserveUntil = now + t.reserveForSeconds;
    return structuredClone(t);
  }

  confirm(key: string): TransactionView {
    this.#expireHolds();
    const t = this.#existing(key);
    t.confirmCount += 1;
    if (t.status !== 'reserved') throw invalidState(`Transaction is ${t.status}; only a reserved transaction can be confirmed`);
    const wallet = this.#holder(t);
    wallet.balances.set(t.currency, (wallet.balances.get(t.currency) ?? 0) - t.amount);
    this.#release(t);
    t.status = 'confirmed';
    t.confirmedAt = this.#clock.nowSeconds();
    return structuredClone(t);
  }

  revoke(key: string): TransactionView {
    this.#expireHolds();
    const t = this.#existing(key);
    t.revokeCount += 1;
    if (t.status !== 'new' && t.status !== 'reserved') throw invalidState(`Transaction is ${t.status}; it can no longer be revoked`);
    if (t.status === 'reserved') this.#release(t);
    t.status = 'revoked';
    t.revokedAt = this.#clock.nowSeconds();
    return structuredClone(t);
  }

  /** Oldest first; `from`/`to` bound created_at, both inclusive. */
  list(filter: TransactionFilter): TransactionView[] {
    this.#expireHolds();
    return [...this.#transactions.values()]
      .filter((t) => filter.statuses === undefined || filter.statuses.includes(t.status))
      .filter((t) => filter.walletId === undefined || t.walletId === filter.walletId)
      .filter((t) => (filter.from === undefined || t.createdAt >= filter.from) && (filter.to === undefined || t.createdAt <= filter.to))
      .slice(filter.offset, filter.offset + filter.limit)
      .map((t) => structuredClone(t));
  }

  #existing(key: string): TransactionView {
    const t = this.#transactions.get(key);
    if (!t) throw notFound('Transaction not found');
    return t;
  }

  #holder(t: TransactionView): WalletRecord {
    const wallet = t.walletId === undefined ? undefined : this.#wallets.get(t.walletId);
    if (!wallet) throw new Error(`reserved transaction ${t.key} has no wallet`);
    return wallet;
  }

  #release(t: TransactionView): void {
    const wallet = this.#holder(t);
    wallet.held.set(t.currency, (wallet.held.get(t.currency) ?? 0) - t.amount);
    this.#reserved.delete(t);
  }

  /**
   * Lazily, before every read or change, so an advanced clock takes effect deterministically. Only
   * the open holds are walked: a long benchmark leaves hundreds of thousands of settled transactions.
   */
  #expireHolds(): void {
    const now = this.#clock.nowSeconds();
    for (const t of this.#reserved) {
      if (t.reserveUntil === undefined || now < t.reserveUntil) continue;
      this.#release(t);
      t.status = 'revoked';
      t.revokedAt = t.reserveUntil;
      t.expired = true;
    }
  }

  #freeWalletId(): number {
    while (this.#wallets.has(this.#nextWalletId)) this.#nextWalletId++;
    return this.#nextWalletId++;
  }
}
