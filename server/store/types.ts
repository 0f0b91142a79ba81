import type { CashoutStatus, Role } from '../../shared/api.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import type { DeskStore } from './desk-types.ts';

/**
 * The store as the rest of the server sees it. Async so that a PostgreSQL implementation can
 * serve several server instances later; the SQLite one answers synchronously underneath.
 * Times are unix milliseconds. Nothing here ever holds a reservation code.
 */

export interface UserRecord {
  username: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  createdAt: number;
}

export interface SessionRecord {
  /** SHA-256 of the cookie token, so a copy of the database cannot sign anyone in. */
  idHash: string;
  username: string;
  createdAt: number;
  lastSeenAt: number;
}

/** Which Wallet call was sent and not yet settled: the sweeper resolves these after a crash. */
export type PendingOperation = 'create' | 'reserve' | 'confirm' | 'revoke';

export interface CashoutRecord {
  id: string;
  status: CashoutStatus;
  amountCents: number;
  currency: string;
  transactionKey: string | null;
  createdAt: number;
  expiresAt: number | null;
  cashier: string;
  approvedBy: string | null;
  confirmedAt: number | null;
  failedAttempts: number;
  errorCode: ErrorCode | null;
  pending: PendingOperation | null;
  updatedAt: number;
  /** The cash-desk shift it was paid out in; null before the desk, or with REQUIRE_SHIFT off and no shift. */
  shiftId: string | null;
  /** The shift's location's Paysera id as it was at create: every Wallet call of the cash-out signs with it. */
  payseraLocationId: string | null;
}

export interface AuditInput {
  actor: string;
  action: string;
  cashoutId?: string | null;
  amountCents?: number | null;
  currency?: string | null;
  transactionKey?: string | null;
  outcome: string;
  walletError?: string | null;
}

export interface AuditRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  cashoutId: string | null;
  amountCents: number | null;
  currency: string | null;
  transactionKey: string | null;
  outcome: string;
  walletError: string | null;
  prevHash: string;
  hash: string;
}

/** A chain head as recorded earlier: row `seq` had hash `hash`. */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

export interface AuditPage {
  afterSeq: number;
  limit: number;
}

export interface AuditVerification {
  /** The chain is intact and, when an anchor was given, the anchor is in it unchanged. */
  ok: boolean;
  /** The first row checked: 1, or the anchor's row. */
  from: number;
  /** Rows checked, from `from` on. */
  count: number;
  firstBadSeq: number | null;
  /** The last row of an intact chain, to be recorded as a later anchor; null if empty or broken. */
  head: AuditAnchor | null;
  /** Only when an anchor was given. */
  anchor?: 'matches' | 'missing' | 'differs';
}

/** A connection pool's use at one moment: connections open, those idle, and callers waiting for one. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface Store extends DeskStore {
  /** With `audit`, the event is appended in the same transaction as the change. */
  createUser(user: UserRecord, audit?: AuditInput): Promise<void>;
  getUser(username: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  updateUser(username: string, patch: Partial<Pick<UserRecord, 'role' | 'passwordHash' | 'disabled'>>, audit?: AuditInput): Promise<void>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | null>;
  touchSession(idHash: string, lastSeenAt: number): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  deleteSessionsIdleSince(cutoff: number): Promise<number>;
  deleteSessionsOf(username: string): Promise<void>;

  /** Inserts the cash-out and its audit event atomically. */
  insertCashout(cashout: CashoutRecord, audit: AuditInput): Promise<void>;
  getCashout(id: string): Promise<CashoutRecord | null>;
  /** Applies the patch and appends the audit event atomically; the audit event may be omitted. */
  /**
   * Applies the patch and its audit event in one transaction. With `expectedStatus`, refuses with
   * StaleCashoutError (and changes nothing) if the stored status is no longer that one.
   */
  updateCashout(id: string, patch: Partial<Omit<CashoutRecord, 'id'>>, audit?: AuditInput, expectedStatus?: CashoutStatus): Promise<CashoutRecord>;
  /** Cash-outs created in [from, to), newest first; only one cashier's when given. */
  listCashouts(from: number, to: number, cashier?: string): Promise<CashoutRecord[]>;
  /** Cash-outs that may still hold money or an unsettled call: created, reserved, in_doubt, or pending. */
  listUnsettledCashouts(): Promise<CashoutRecord[]>;

  appendAudit(event: AuditInput): Promise<AuditRow>;
  /**
   * Events at [from, to) in time order (seq order within one millisecond): at most `page.limit`
   * (≤ auditPageMax of shared/api.ts, the default), after the event `page.afterSeq` of the previous page.
   */
  listAudit(from: number, to: number, page?: AuditPage): Promise<AuditRow[]>;
  /** Walks the chain in pages, from row 1 or from `anchor` on, so memory stays bounded and other requests run between pages. */
  verifyAudit(anchor?: AuditAnchor): Promise<AuditVerification>;

  /** A round trip to the database; throws StoreUnavailableError when it cannot be reached. */
  ping(): Promise<void>;

  /** Only a store with a connection pool (PostgreSQL) has it; the metrics show it when present. */
  poolStats?(): PoolStats;

  close(): Promise<void>;
}
