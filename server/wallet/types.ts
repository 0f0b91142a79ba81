/** What the rest of the server sees of the Wallet API: a typed, camel-cased transaction. */
export const transactionStatuses = [
  'new', 'waiting', 'waiting_funds', 'waiting_registration', 'waiting_password',
  'reserved', 'confirmed', 'rejected', 'revoked', 'failed', 'deleted',
] as const;
export type TransactionStatus = (typeof transactionStatuses)[number];

export interface WalletPayment {
  id?: number | string;
  priceCents: number;
  currency: string;
  status?: string;
}

export interface WalletTransaction {
  key: string;
  status: TransactionStatus;
  createdAt: number;
  confirmedAt?: number;
  /** How it was reserved: `reservation_code` for a cash-out. */
  type?: string;
  walletId?: number;
  payments: WalletPayment[];
  /** Kasa's cash-out id, read back from `payments[0].parameters.kasa_operation_id`. */
  operationId?: string;
}

/** The customer's wallet as Kasa reads it: only the holder's name, shown on the verify screen and never kept. */
export interface WalletAccount {
  id: number;
  /** null when Paysera does not tell this client the name. */
  holderName: string | null;
}

export interface CreateTransactionInput {
  amountCents: number;
  currency: string;
  description: string;
  reserveForSeconds: number;
  /** Kasa's cash-out id, sent as `payments[0].parameters.kasa_operation_id` so a stray transaction can be recognised. */
  operationId: string;
}

export interface ListTransactionsFilter {
  status?: TransactionStatus[];
  from?: number;
  to?: number;
  limit?: number;
  offset?: number;
}

/** Which Paysera location one call is signed for: the calls of one cash-out carry its shift's location. */
export interface CallScope {
  /** Sent as `location_id` in this request's MAC `ext` instead of the configured one (PAYSERA_LOCATION_ID); null or absent: the configured one. */
  locationId?: string | null;
}

export interface ReadOptions extends CallScope {
  /**
   * false: one attempt, no repeat on an open outcome, for a caller that runs its own read-back
   * schedule, so that retries live in one layer.
   */
  retry?: boolean;
}

export interface WalletClient {
  getServerTime(): Promise<number>;
  /** Re-reads the server time and stores the offset; returns it in seconds. */
  syncClock(): Promise<number>;
  clockOffsetSeconds(): number;
  createTransaction(input: CreateTransactionInput, scope?: CallScope): Promise<WalletTransaction>;
  getTransaction(key: string, options?: ReadOptions): Promise<WalletTransaction>;
  reserveWithCode(key: string, code: string, scope?: CallScope): Promise<WalletTransaction>;
  confirmTransaction(key: string, scope?: CallScope): Promise<WalletTransaction>;
  revokeTransaction(key: string, scope?: CallScope): Promise<WalletTransaction>;
  listTransactions(filter?: ListTransactionsFilter, scope?: CallScope): Promise<WalletTransaction[]>;
  /** One attempt, no repeat: the name is a courtesy on the verify screen, not worth holding it up. */
  getWallet(walletId: number, scope?: CallScope): Promise<WalletAccount>;
}
