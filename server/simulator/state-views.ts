import type { TransactionStatus } from '../wallet/types.ts';

/** The shapes the simulator's state holds and hands out. */

/** The statuses a code cash-out can reach in the simulator. */
export type SimTransactionStatus = Extract<TransactionStatus, 'new' | 'reserved' | 'confirmed' | 'revoked'>;

/** Cents per currency. `available` = balance − held. */
export interface WalletView {
  id: number;
  /** What `GET /wallet/{id}` answers as `account.owner_display_name`. */
  holderName: string;
  balances: Record<string, number>;
  held: Record<string, number>;
  available: Record<string, number>;
}

export interface NewWalletOptions {
  /** Must be free; the next free id from 14471 on otherwise. */
  walletId?: number;
  holderName?: string;
}

/** A made-up customer, so a wallet created without a name still has one to show. */
export const defaultHolderName = 'Ona Petraitienė';

export interface IssuedCode {
  code: string;
  /** Unix seconds; the code is refused as expired from this second on. */
  expiresAt: number;
}

export interface CodeView {
  walletId: number;
  expiresAt: number;
  used: boolean;
}

export interface PaymentInput {
  description: string;
  price: number;
  currency: string;
  parameters?: Record<string, unknown>;
}

export interface PaymentView extends PaymentInput {
  id: number;
}

/** All times are unix seconds on the simulator clock. */
export interface TransactionView {
  key: string;
  status: SimTransactionStatus;
  /** Sum of the payments, in cents; all payments share one currency. */
  amount: number;
  currency: string;
  payments: PaymentView[];
  createdAt: number;
  reserveForSeconds: number;
  walletId?: number;
  type?: 'reservation_code';
  reservedAt?: number;
  reserveUntil?: number;
  confirmedAt?: number;
  revokedAt?: number;
  /** Confirm requests that reached this transaction, applied or refused. */
  confirmCount: number;
  /** Revoke requests that reached this transaction, applied or refused. */
  revokeCount: number;
  /** The hold ran past reserveUntil and the simulator revoked it. */
  expired: boolean;
}

export interface TransactionFilter {
  statuses?: readonly string[];
  walletId?: number;
  from?: number;
  to?: number;
  limit: number;
  offset: number;
}

export interface WalletRecord {
  id: number;
  holderName: string;
  balances: Map<string, number>;
  held: Map<string, number>;
}
