import { join } from 'node:path';
import type { CashoutStatus } from '../../shared/api.ts';
import type { AuditChainKey } from './audit-chain.ts';
import { bindAuditKey, dataDirAuditKey } from './audit-key.ts';
import { createAuditLog } from './audit-log.ts';
import { openDatabase } from './database.ts';
import { StaleCashoutError } from './errors.ts';
import { createGroupCommit } from './group-commit.ts';
import {
  type CashoutRow,
  cashoutColumns,
  cashoutFromRow,
  cashoutToRow,
  type SessionRow,
  sessionFromRow,
  sessionToRow,
  type UserRow,
  userFromRow,
  userToRow,
} from './rows.ts';
import type { AuditInput, CashoutRecord, Store, UserRecord } from './types.ts';
import { definedOnly } from './defined-only.ts';
import { createSqliteDesk } from './sqlite-desk.ts';

export interface SqliteStoreOptions {
  dataDir: string;
  fileName?: string;
  /** Clock for audit timestamps and for a cash-out's updatedAt when the patch does not set it. */
  now?: () => number;
  /** The audit chain's HMAC key (AUDIT_KEY); without it, the one in DATA_DIR/audit.key. */
  auditKey?: string;
}

export function openSqliteStore(options: SqliteStoreOptions): Store {
  const now = options.now ?? Date.now;
  const db = openDatabase(join(options.dataDir, options.fileName ?? 'kasa.sqlite'));
  let chainKey: AuditChainKey;
  try {
    chainKey = bindAuditKey(db, options.auditKey ?? dataDirAuditKey(options.dataDir));
  } catch (error) {
    db.close();
    throw error;
  }
  const audit = createAuditLog(db, now, chainKey);

  const insertUser = db.prepare<[UserRow]>(
    'INSERT INTO users (username, role, password_hash, disabled, created_at) VALUES (@username, @role, @password_hash, @disabled, @created_at)',
  );
  const selectUser = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?');
  const selectUsers = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username');
  const updateUserRow = db.prepare<[UserRow]>(
    'UPDATE users SET role = @role, password_hash = @password_hash, disabled = @disabled WHERE username = @username',
  );

  const insertSession = db.prepare<[SessionRow]>(
    'INSERT INTO sessions (id_hash, username, created_at, last_seen_at) VALUES (@id_hash, @username, @created_at, @last_seen_at)',
  );
  const selectSession = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id_hash = ?');
  const touchSession = db.prepare<[number, string]>('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?');
  const deleteSession = db.prepare<[string]>('DELETE FROM sessions WHERE id_hash = ?');
  const deleteIdleSessions = db.prepare<[number]>('DELETE FROM sessions WHERE last_seen_at < ?');
  const deleteSessionsOf = db.prepare<[string]>('DELETE FROM sessions WHERE username = ?');

  const insertCashout = db.prepare<[CashoutRow]>(
    `INSERT INTO cashouts (id, ${cashoutColumns.join(', ')}) VALUES (@id, ${cashoutColumns.map((column) => `@${column}`).join(', ')})`,
  );
  const selectCashout = db.prepare<[string], CashoutRow>('SELECT * FROM cashouts WHERE id = ?');
  const updateCashoutRow = db.prepare<[CashoutRow]>(
    `UPDATE cashouts SET ${cashoutColumns.map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id`,
  );
  const selectCashoutsInRange = db.prepare<[number, number], CashoutRow>(
    'SELECT * FROM cashouts WHERE created_at >= ? AND created_at < ? ORDER BY created_at DESC, id DESC',
  );
  const selectCashoutsOfCashierInRange = db.prepare<[number, number, string], CashoutRow>(
    'SELECT * FROM cashouts WHERE created_at >= ? AND created_at < ? AND cashier = ? ORDER BY created_at DESC, id DESC',
  );
  const selectOne = db.prepare('SELECT 1');
  const selectUnsettledCashouts = db.prepare<[], CashoutRow>(
    `SELECT * FROM cashouts WHERE status IN ('created', 'reserved', 'in_doubt') OR pending IS NOT NULL ORDER BY created_at, id`,
  );

  const createUser = db.transaction((user: UserRecord, event?: AuditInput) => {
    insertUser.run(userToRow(user));
    if (event) audit.append(event);
  });

  const updateUser = db.transaction((username: string, patch: Partial<Pick<UserRecord, 'role' | 'passwordHash' | 'disabled'>>, event?: AuditInput) => {
    const row = selectUser.get(username);
    if (!row) throw new Error(`Unknown user "${username}".`);
    updateUserRow.run(userToRow({ ...userFromRow(row), ...definedOnly(patch) }));
    if (event) audit.append(event);
  });

  const updateCashout = (id: string, patch: Partial<Omit<CashoutRecord, 'id'>>, event?: AuditInput, expectedStatus?: CashoutStatus): CashoutRecord => {
    const row = selectCashout.get(id);
    if (!row) throw new Error(`Unknown cash-out "${id}".`);
    const current = cashoutFromRow(row);
    if (expectedStatus !== undefined && current.status !== expectedStatus) throw new StaleCashoutError(id, expectedStatus, current.status);
    const updated: CashoutRecord = { ...current, updatedAt: now(), ...definedOnly(patch), id };
    updateCashoutRow.run(cashoutToRow(updated));
    if (event) audit.append(event);
    return updated;
  };

  const insertCashoutWithAudit = (cashout: CashoutRecord, event: AuditInput): void => {
    insertCashout.run(cashoutToRow(cashout));
    audit.append(event);
  };

  // The money path's writes: each in its own savepoint, many to one commit under load.
  const group = createGroupCommit(db);

  return {
    ...createSqliteDesk(db, audit, group),

    async createUser(user, event) {
      createUser.immediate(user, event);
    },
    async getUser(username) {
      const row = selectUser.get(username);
      return row ? userFromRow(row) : null;
    },
    async listUsers() {
      return selectUsers.all().map(userFromRow);
    },
    async updateUser(username, patch, event) {
      updateUser.immediate(username, patch, event);
    },

    async createSession(session) {
      insertSession.run(sessionToRow(session));
    },
    async getSession(idHash) {
      const row = selectSession.get(idHash);
      return row ? sessionFromRow(row) : null;
    },
    async touchSession(idHash, lastSeenAt) {
      touchSession.run(lastSeenAt, idHash);
    },
    async deleteSession(idHash) {
      deleteSession.run(idHash);
    },
    async deleteSessionsIdleSince(cutoff) {
      return deleteIdleSessions.run(cutoff).changes;
    },
    async deleteSessionsOf(username) {
      deleteSessionsOf.run(username);
    },

    async insertCashout(cashout, event) {
      await group.write(() => insertCashoutWithAudit(cashout, event));
    },
    async getCashout(id) {
      const row = selectCashout.get(id);
      return row ? cashoutFromRow(row) : null;
    },
    async updateCashout(id, patch, event, expectedStatus) {
      return group.write(() => updateCashout(id, patch, event, expectedStatus));
    },
    async listCashouts(from, to, cashier) {
      const rows = cashier === undefined ? selectCashoutsInRange.all(from, to) : selectCashoutsOfCashierInRange.all(from, to, cashier);
      return rows.map(cashoutFromRow);
    },
    async listUnsettledCashouts() {
      return selectUnsettledCashouts.all().map(cashoutFromRow);
    },

    async appendAudit(event) {
      return group.write(() => audit.append(event));
    },
    async listAudit(from, to, page) {
      return audit.list(from, to, page);
    },
    async verifyAudit(anchor) {
      return audit.verify(anchor);
    },

    async ping() {
      selectOne.get();
    },

    async close() {
      group.flush();
      db.close();
    },
  };
}
