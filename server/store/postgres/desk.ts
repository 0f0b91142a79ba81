import type pg from 'pg';
import type { ShiftStatus } from '../../../shared/desk-api.ts';
import { definedOnly } from '../defined-only.ts';
import {
  type CashKind,
  cashToRows,
  checkShiftCount,
  type LocationRow,
  locationFromRow,
  type MovementRow,
  movementColumns,
  movementFromRow,
  movementToRow,
  type ShiftCashRow,
  type ShiftRow,
  shiftColumns,
  shiftFromRows,
  shiftToRow,
} from '../desk-rows.ts';
import { type CashAmount, type DeskStore, type LocationRecord, ShiftAlreadyOpenError, type ShiftRecord, StaleShiftError } from '../desk-types.ts';
import { type CashoutRow, cashoutFromRow } from '../rows.ts';
import type { PgAuditLog } from './audit.ts';
import { inTransaction, type Queryable, query } from './pool.ts';

/** PostgreSQL has a real boolean; the shared row shape keeps SQLite's 0/1. */
type PgLocationRow = Omit<LocationRow, 'disabled'> & { disabled: boolean };
const locationFromPgRow = (row: PgLocationRow): LocationRecord => locationFromRow({ ...row, disabled: row.disabled ? 1 : 0 });

const uniqueViolation = '23505';
const placeholders = (count: number) => Array.from({ length: count }, (_, index) => `$${index + 1}`).join(', ');
const insertShiftSql = `INSERT INTO shifts (${shiftColumns.join(', ')}) VALUES (${placeholders(shiftColumns.length)})`;
const updateShiftSql = `UPDATE shifts SET ${shiftColumns.slice(1).map((column, index) => `${column} = $${index + 2}`).join(', ')} WHERE id = $1`;
const insertMovementSql = `INSERT INTO shift_movements (${movementColumns.join(', ')}) VALUES (${placeholders(movementColumns.length)})`;

function isCurrentShiftConflict(error: unknown): boolean {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === uniqueViolation && constraint === 'shifts_one_current_per_cashier';
}

/**
 * The cash desk on PostgreSQL. Every write is one transaction with its audit event; a shift's row
 * is locked before its status is checked, and before the audit lock is taken, as the cash-out
 * updates do, so a close and a movement on one shift never both pass the check. FOR NO KEY UPDATE,
 * because no write changes an id: a cash-out insert, which holds the audit lock while its foreign
 * key takes KEY SHARE on its shift's row, is never made to wait on a row lock held by a write that
 * in turn waits for the audit lock.
 */
export function createPgDesk(pool: pg.Pool, audit: PgAuditLog): DeskStore {
  const withCash = async (db: Queryable, rows: ShiftRow[]): Promise<ShiftRecord[]> => {
    if (rows.length === 0) return [];
    const cash = await query<ShiftCashRow>(db, 'SELECT * FROM shift_cash WHERE shift_id = ANY($1::text[])', [rows.map((row) => row.id)]);
    return rows.map((row) => shiftFromRows(row, cash.rows.filter((entry) => entry.shift_id === row.id)));
  };
  const oneShift = async (db: Queryable, sql: string, values: unknown[]): Promise<ShiftRecord | null> =>
    (await withCash(db, (await query<ShiftRow>(db, sql, values)).rows))[0] ?? null;
  const writeCash = async (client: pg.PoolClient, shiftId: string, kind: CashKind, amounts: CashAmount[] | null) => {
    const rows = cashToRows(shiftId, kind, amounts);
    await query(client, 'DELETE FROM shift_cash WHERE shift_id = $1 AND kind = $2', [shiftId, kind]);
    if (rows.length === 0) return;
    await query(client, 'INSERT INTO shift_cash (shift_id, kind, currency, amount_cents) SELECT $1, $2, unnest($3::text[]), unnest($4::bigint[])', [
      shiftId,
      kind,
      rows.map((row) => row.currency),
      rows.map((row) => row.amount_cents),
    ]);
  };
  const lockedShiftStatus = async (client: pg.PoolClient, id: string): Promise<ShiftRow> => {
    const row = (await query<ShiftRow>(client, 'SELECT * FROM shifts WHERE id = $1 FOR NO KEY UPDATE', [id])).rows[0];
    if (!row) throw new Error(`Unknown shift "${id}".`);
    return row;
  };

  return {
    async createLocation(location, event) {
      await inTransaction(pool, async (client) => {
        await query(client, 'INSERT INTO locations (id, name, paysera_location_id, disabled, created_at) VALUES ($1, $2, $3, $4, $5)', [
          location.id,
          location.name,
          location.payseraLocationId,
          location.disabled,
          location.createdAt,
        ]);
        await audit.append(client, event);
      });
    },
    async getLocation(id) {
      const row = (await query<PgLocationRow>(pool, 'SELECT * FROM locations WHERE id = $1', [id])).rows[0];
      return row ? locationFromPgRow(row) : null;
    },
    async listLocations() {
      return (await query<PgLocationRow>(pool, 'SELECT * FROM locations ORDER BY name COLLATE "C", id COLLATE "C"')).rows.map(locationFromPgRow);
    },
    async updateLocation(id, patch, event) {
      return inTransaction(pool, async (client) => {
        const row = (await query<PgLocationRow>(client, 'SELECT * FROM locations WHERE id = $1 FOR NO KEY UPDATE', [id])).rows[0];
        if (!row) throw new Error(`Unknown location "${id}".`);
        const updated: LocationRecord = { ...locationFromPgRow(row), ...definedOnly(patch), id };
        await query(client, 'UPDATE locations SET name = $2, paysera_location_id = $3, disabled = $4 WHERE id = $1', [
          id,
          updated.name,
          updated.payseraLocationId,
          updated.disabled,
        ]);
        await audit.append(client, event);
        return updated;
      });
    },

    async openShift(shift, event) {
      checkShiftCount(shift);
      const row = shiftToRow(shift);
      await inTransaction(pool, async (client) => {
        try {
          await query(client, insertShiftSql, shiftColumns.map((column) => row[column]));
        } catch (error) {
          if (isCurrentShiftConflict(error)) throw new ShiftAlreadyOpenError(shift.cashier);
          throw error;
        }
        await writeCash(client, shift.id, 'float', shift.float);
        await writeCash(client, shift.id, 'counted', shift.counted);
        await writeCash(client, shift.id, 'expected', shift.expected);
        await audit.append(client, event);
      });
    },
    getShift: (id) => oneShift(pool, 'SELECT * FROM shifts WHERE id = $1', [id]),
    getCurrentShift: (cashier) => oneShift(pool, "SELECT * FROM shifts WHERE cashier = $1 AND status <> 'closed'", [cashier]),
    async listShifts(from, to, filter = {}) {
      const { rows } = await query<ShiftRow>(
        pool,
        `SELECT * FROM shifts WHERE opened_at >= $1 AND opened_at < $2
           AND ($3::text IS NULL OR location_id = $3) AND ($4::text IS NULL OR cashier = $4)
         ORDER BY opened_at, id COLLATE "C"`,
        [from, to, filter.locationId ?? null, filter.cashier ?? null],
      );
      return withCash(pool, rows);
    },
    async updateShift(id, patch, event, expectedStatus: ShiftStatus) {
      return inTransaction(pool, async (client) => {
        const row = await lockedShiftStatus(client, id);
        if (row.status !== expectedStatus) throw new StaleShiftError(id, expectedStatus);
        const [current] = await withCash(client, [row]);
        const changes = definedOnly(patch);
        const updated: ShiftRecord = { ...(current as ShiftRecord), ...changes, id };
        checkShiftCount(updated);
        const updatedRow = shiftToRow(updated);
        await query(client, updateShiftSql, shiftColumns.map((column) => updatedRow[column]));
        if (changes.counted !== undefined) await writeCash(client, id, 'counted', updated.counted);
        if (changes.expected !== undefined) await writeCash(client, id, 'expected', updated.expected);
        await audit.append(client, event);
        return updated;
      });
    },

    async addMovement(movement, event) {
      const row = movementToRow(movement);
      await inTransaction(pool, async (client) => {
        const shift = await lockedShiftStatus(client, movement.shiftId);
        if (shift.status !== 'open') throw new StaleShiftError(movement.shiftId, 'open');
        await query(client, insertMovementSql, movementColumns.map((column) => row[column]));
        await audit.append(client, event);
      });
    },
    async listMovements(shiftId) {
      const { rows } = await query<MovementRow>(pool, 'SELECT * FROM shift_movements WHERE shift_id = $1 ORDER BY at, id COLLATE "C"', [shiftId]);
      return rows.map(movementFromRow);
    },
    async listShiftCashouts(shiftId) {
      const { rows } = await query<CashoutRow>(pool, 'SELECT * FROM cashouts WHERE shift_id = $1 ORDER BY created_at, id COLLATE "C"', [shiftId]);
      return rows.map(cashoutFromRow);
    },
  };
}
