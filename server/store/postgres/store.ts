import type pg from 'pg';
import type { CashoutStatus } from '../../../shared/api.ts';
import { StaleCashoutError } from '../errors.ts';
import { type CashoutRow, cashoutColumns as cashoutDataColumns, cashoutFromRow, cashoutToRow, type SessionRow, sessionFromRow, type UserRow, userFromRow } from '../rows.ts';
import type { CashoutRecord, Store, UserRecord } from '../types.ts';
import { createPgAuditLog } from './audit.ts';
import { bindPgAuditKey } from './audit-key.ts';
import { createPgDesk } from './desk.ts';
import { migratePg } from './migrations.ts';
import { inTransaction, openPool, type PoolOptions, query } from './pool.ts';
import { definedOnly } from '../defined-only.ts';

export interface PostgresStoreOptions extends PoolOptions {
  /** DATABASE_URL: postgres://user:password@host:port/database */
  url: string;
  /** Clock for audit timestamps and for a cash-out's updatedAt when the patch does not set it. */
  now?: () => number;
  /** The audit chain's HMAC key; every instance on one database must bring the same one. */
  auditKey: string;
}

/** As in the SQLite store, so both keep rows with the same names (../rows.ts converts them). */
const cashoutColumns = ['id', ...cashoutDataColumns] as const;

const placeholders = cashoutColumns.map((_, index) => `$${index + 1}`).join(', ');
const insertCashoutSql = `INSERT INTO cashouts (${cashoutColumns.join(', ')}) VALUES (${placeholders})`;
const updateCashoutSql = `UPDATE cashouts SET ${cashoutColumns.slice(1).map((column, index) => `${column} = $${index + 2}`).join(', ')} WHERE id = $1`;
const cashoutValues = (cashout: CashoutRecord) => {
  const row = cashoutToRow(cashout);
  return cashoutColumns.map((column) => row[column]);
};

/** PostgreSQL has a real boolean; the shared row shape keeps SQLite's 0/1. */
type PgUserRow = Omit<UserRow, 'disabled'> & { disabled: boolean };
const userFromPgRow = (row: PgUserRow): UserRecord => userFromRow({ ...row, disabled: row.disabled ? 1 : 0 });

/**
 * The Store on PostgreSQL, for several Kasa instances on one database. Opening migrates the
 * schema and binds the audit key; a database that cannot be reached throws StoreUnavailableError.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const now = options.now ?? Date.now;
  const pool = openPool(options.url, options);
  let chainKey: Awaited<ReturnType<typeof bindPgAuditKey>>;
  try {
    await migratePg(pool);
    chainKey = await bindPgAuditKey(pool, options.auditKey);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const audit = createPgAuditLog(pool, now, chainKey);

  const getCashout = async (db: pg.Pool | pg.PoolClient, id: string, forUpdate = false) => {
    const { rows } = await query<CashoutRow>(db, `SELECT * FROM cashouts WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ? cashoutFromRow(rows[0]) : null;
  };

  return {
    ...createPgDesk(pool, audit),

    async createUser(user, event) {
      await inTransaction(pool, async (client) => {
        await query(client, 'INSERT INTO users (username, role, password_hash, disabled, created_at) VALUES ($1, $2, $3, $4, $5)', [
          user.username,
          user.role,
          user.passwordHash,
          user.disabled,
          user.createdAt,
        ]);
        if (event) await audit.append(client, event);
      });
    },
    async getUser(username) {
      const { rows } = await query<PgUserRow>(pool, 'SELECT * FROM users WHERE username = $1', [username]);
      return rows[0] ? userFromPgRow(rows[0]) : null;
    },
    async listUsers() {
      return (await query<PgUserRow>(pool, 'SELECT * FROM users ORDER BY username COLLATE "C"')).rows.map(userFromPgRow);
    },
    async updateUser(username, patch, event) {
      await inTransaction(pool, async (client) => {
        const { rows } = await query<PgUserRow>(client, 'SELECT * FROM users WHERE username = $1 FOR UPDATE', [username]);
        if (!rows[0]) throw new Error(`Unknown user "${username}".`);
        const user = { ...userFromPgRow(rows[0]), ...definedOnly(patch) };
        await query(client, 'UPDATE users SET role = $2, password_hash = $3, disabled = $4 WHERE username = $1', [username, user.role, user.passwordHash, user.disabled]);
        if (event) await audit.append(client, event);
      });
    },

    async createSession(session) {
      await query(pool, 'INSERT INTO sessions (id_hash, username, created_at, last_seen_at) VALUES ($1, $2, $3, $4)', [
        session.idHash,
        session.username,
        session.createdAt,
        session.lastSeenAt,
      ]);
    },
    async getSession(idHash) {
      const { rows } = await query<SessionRow>(pool, 'SELECT * FROM sessions WHERE id_hash = $1', [idHash]);
      return rows[0] ? sessionFromRow(rows[0]) : null;
    },
    async touchSession(idHash, lastSeenAt) {
      await query(pool, 'UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2', [lastSeenAt, idHash]);
    },
    async deleteSession(idHash) {
      await query(pool, 'DELETE FROM sessions WHERE id_hash = $1', [idHash]);
    },
    async deleteSessionsIdleSince(cutoff) {
      return (await query(pool, 'DELETE FROM sessions WHERE last_seen_at < $1', [cutoff])).rowCount ?? 0;
    },
    async deleteSessionsOf(username) {
      await query(pool, 'DELETE FROM sessions WHERE username = $1', [username]);
    },

    async insertCashout(cashout, event) {
      await inTransaction(pool, async (client) => {
        await audit.append(client, event, { sql: insertCashoutSql, values: cashoutValues(cashout) });
      });
    },
    async getCashout(id) {
      return getCashout(pool, id);
    },
    async updateCashout(id, patch, event, expectedStatus?: CashoutStatus) {
      return inTransaction(pool, async (client) => {
        // The row lock is taken before the audit lock in every transaction, so the two never deadlock.
        const current = await getCashout(client, id, true);
        if (!current) throw new Error(`Unknown cash-out "${id}".`);
        if (expectedStatus !== undefined && current.status !== expectedStatus) throw new StaleCashoutError(id, expectedStatus, current.status);
        const updated: CashoutRecord = { ...current, updatedAt: now(), ...definedOnly(patch), id };
        const update = { sql: updateCashoutSql, values: cashoutValues(updated) };
        if (event) await audit.append(client, event, update);
        else await query(client, update.sql, update.values);
        return updated;
      });
    },
    async listCashouts(from, to, cashier) {
      const { rows } = cashier === undefined
        ? await query<CashoutRow>(pool, 'SELECT * FROM cashouts WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at DESC, id COLLATE "C" DESC', [from, to])
        : await query<CashoutRow>(
            pool,
            'SELECT * FROM cashouts WHERE created_at >= $1 AND created_at < $2 AND cashier = $3 ORDER BY created_at DESC, id COLLATE "C" DESC',
            [from, to, cashier],
          );
      return rows.map(cashoutFromRow);
    },
    async listUnsettledCashouts() {
      const { rows } = await query<CashoutRow>(
        pool,
        `SELECT * FROM cashouts WHERE status IN ('created', 'reserved', 'in_doubt') OR pending IS NOT NULL ORDER BY created_at, id COLLATE "C"`,
      );
      return rows.map(cashoutFromRow);
    },

    async appendAudit(event) {
      return inTransaction(pool, (client) => audit.append(client, event));
    },
    listAudit: (from, to, page) => audit.list(from, to, page),
    verifyAudit: (anchor) => audit.verify(anchor),

    async ping() {
      await query(pool, 'SELECT 1');
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),

    async close() {
      await pool.end();
    },
  };
}
