import type { CashoutStatus, Role } from '../../shared/api.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import type { AuditRow, CashoutRecord, PendingOperation, SessionRecord, UserRecord } from './types.ts';

/**
 * Conversions between the records of types.ts and SQLite rows. The CHECK constraints of the
 * schema are what make the narrowing casts (role, status, pending) safe.
 */

export interface UserRow {
  username: string;
  role: string;
  password_hash: string;
  disabled: number;
  created_at: number;
}

export interface SessionRow {
  id_hash: string;
  username: string;
  created_at: number;
  last_seen_at: number;
}

export interface CashoutRow {
  id: string;
  status: string;
  amount_cents: number;
  currency: string;
  transaction_key: string | null;
  created_at: number;
  expires_at: number | null;
  cashier: string;
  approved_by: string | null;
  confirmed_at: number | null;
  failed_attempts: number;
  error_code: string | null;
  pending: string | null;
  updated_at: number;
  shift_id: string | null;
  paysera_location_id: string | null;
}

export interface AuditDbRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  cashout_id: string | null;
  amount_cents: number | null;
  currency: string | null;
  transaction_key: string | null;
  outcome: string;
  wallet_error: string | null;
  prev_hash: string;
  hash: string;
}

/** A cash-out's columns besides `id`, in one order for both stores' statements. */
export const cashoutColumns = [
  'status',
  'amount_cents',
  'currency',
  'transaction_key',
  'created_at',
  'expires_at',
  'cashier',
  'approved_by',
  'confirmed_at',
  'failed_attempts',
  'error_code',
  'pending',
  'updated_at',
  'shift_id',
  'paysera_location_id',
] as const satisfies readonly (keyof CashoutRow)[];

export function userFromRow(row: UserRow): UserRecord {
  return {
    username: row.username,
    role: row.role as Role,
    passwordHash: row.password_hash,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  };
}

export function userToRow(user: UserRecord): UserRow {
  return {
    username: user.username,
    role: user.role,
    password_hash: user.passwordHash,
    disabled: user.disabled ? 1 : 0,
    created_at: user.createdAt,
  };
}

export function sessionFromRow(row: SessionRow): SessionRecord {
  return { idHash: row.id_hash, username: row.username, createdAt: row.created_at, lastSeenAt: row.last_seen_at };
}

export function sessionToRow(session: SessionRecord): SessionRow {
  return { id_hash: session.idHash, username: session.username, created_at: session.createdAt, last_seen_at: session.lastSeenAt };
}

export function cashoutFromRow(row: CashoutRow): CashoutRecord {
  return {
    id: row.id,
    status: row.status as CashoutStatus,
    amountCents: row.amount_cents,
    currency: row.currency,
    transactionKey: row.transaction_key,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    cashier: row.cashier,
    approvedBy: row.approved_by,
    confirmedAt: row.confirmed_at,
    failedAttempts: row.failed_attempts,
    errorCode: row.error_code as ErrorCode | null,
    pending: row.pending as PendingOperation | null,
    updatedAt: row.updated_at,
    shiftId: row.shift_id,
    payseraLocationId: row.paysera_location_id,
  };
}

export function cashoutToRow(cashout: CashoutRecord): CashoutRow {
  return {
    id: cashout.id,
    status: cashout.status,
    amount_cents: cashout.amountCents,
    currency: cashout.currency,
    transaction_key: cashout.transactionKey,
    created_at: cashout.createdAt,
    expires_at: cashout.expiresAt,
    cashier: cashout.cashier,
    approved_by: cashout.approvedBy,
    confirmed_at: cashout.confirmedAt,
    failed_attempts: cashout.failedAttempts,
    error_code: cashout.errorCode,
    pending: cashout.pending,
    updated_at: cashout.updatedAt,
    shift_id: cashout.shiftId,
    paysera_location_id: cashout.payseraLocationId,
  };
}

export function auditFromRow(row: AuditDbRow): AuditRow {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    cashoutId: row.cashout_id,
    amountCents: row.amount_cents,
    currency: row.currency,
    transactionKey: row.transaction_key,
    outcome: row.outcome,
    walletError: row.wallet_error,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function auditToRow(row: AuditRow): AuditDbRow {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    cashout_id: row.cashoutId,
    amount_cents: row.amountCents,
    currency: row.currency,
    transaction_key: row.transactionKey,
    outcome: row.outcome,
    wallet_error: row.walletError,
    prev_hash: row.prevHash,
    hash: row.hash,
  };
}
