import type Database from 'better-sqlite3';
import type { ShiftStatus } from '../../shared/desk-api.ts';
import type { AuditLog } from './audit-log.ts';
import { definedOnly } from './defined-only.ts';
import {
  type CashKind,
  cashToRows,
  checkShiftCount,
  type LocationRow,
  locationFromRow,
  locationToRow,
  type MovementRow,
  movementColumns,
  movementFromRow,
  movementToRow,
  type ShiftCashRow,
  type ShiftRow,
  shiftColumns,
  shiftFromRows,
  shiftToRow,
} from './desk-rows.ts';
import { type DeskStore, type LocationRecord, type ShiftPatch, type ShiftRecord, ShiftAlreadyOpenError, StaleShiftError } from './desk-types.ts';
import type { GroupCommit } from './group-commit.ts';
import { type CashoutRow, cashoutFromRow } from './rows.ts';

const insertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`;

/** The cash desk on SQLite: each write with its audit event in one savepoint of the group commit (group-commit.ts). */
export function createSqliteDesk(db: Database.Database, audit: AuditLog, group: GroupCommit): DeskStore {
  const insertLocation = db.prepare<[LocationRow]>(insertSql('locations', ['id', 'name', 'paysera_location_id', 'disabled', 'created_at']));
  const selectLocation = db.prepare<[string], LocationRow>('SELECT * FROM locations WHERE id = ?');
  const selectLocations = db.prepare<[], LocationRow>('SELECT * FROM locations ORDER BY name, id');
  const updateLocationRow = db.prepare<[LocationRow]>('UPDATE locations SET name = @name, paysera_location_id = @paysera_location_id, disabled = @disabled WHERE id = @id');

  const insertShift = db.prepare<[ShiftRow]>(insertSql('shifts', shiftColumns));
  const updateShiftRow = db.prepare<[ShiftRow]>(
    `UPDATE shifts SET ${shiftColumns.slice(1).map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id`,
  );
  const selectShift = db.prepare<[string], ShiftRow>('SELECT * FROM shifts WHERE id = ?');
  const selectCurrentShift = db.prepare<[string], ShiftRow>("SELECT * FROM shifts WHERE cashier = ? AND status <> 'closed'");
  const selectShifts = db.prepare<{ from: number; to: number; location: string | null; cashier: string | null }, ShiftRow>(
    `SELECT * FROM shifts WHERE opened_at >= @from AND opened_at < @to
       AND (@location IS NULL OR location_id = @location) AND (@cashier IS NULL OR cashier = @cashier)
     ORDER BY opened_at, id`,
  );
  const insertCash = db.prepare<[ShiftCashRow]>(insertSql('shift_cash', ['shift_id', 'kind', 'currency', 'amount_cents']));
  const deleteCash = db.prepare<[string, CashKind]>('DELETE FROM shift_cash WHERE shift_id = ? AND kind = ?');
  const selectCash = db.prepare<[string], ShiftCashRow>('SELECT * FROM shift_cash WHERE shift_id = ?');

  const insertMovement = db.prepare<[MovementRow]>(insertSql('shift_movements', movementColumns));
  const selectMovements = db.prepare<[string], MovementRow>('SELECT * FROM shift_movements WHERE shift_id = ? ORDER BY at, id');
  const selectShiftCashouts = db.prepare<[string], CashoutRow>('SELECT * FROM cashouts WHERE shift_id = ? ORDER BY created_at, id');

  const withCash = (row: ShiftRow): ShiftRecord => shiftFromRows(row, selectCash.all(row.id));
  const writeCash = (shiftId: string, kind: CashKind, amounts: ShiftRecord['float'] | null) => {
    deleteCash.run(shiftId, kind);
    for (const row of cashToRows(shiftId, kind, amounts)) insertCash.run(row);
  };

  const openShift = (shift: ShiftRecord, event: Parameters<DeskStore['openShift']>[1]) => {
    checkShiftCount(shift);
    try {
      insertShift.run(shiftToRow(shift));
    } catch (error) {
      if (error instanceof Error && /UNIQUE constraint failed: shifts\.cashier/.test(error.message)) throw new ShiftAlreadyOpenError(shift.cashier);
      throw error;
    }
    writeCash(shift.id, 'float', shift.float);
    writeCash(shift.id, 'counted', shift.counted);
    writeCash(shift.id, 'expected', shift.expected);
    audit.append(event);
  };

  const updateShift = (id: string, patch: ShiftPatch, event: Parameters<DeskStore['updateShift']>[2], expectedStatus: ShiftStatus): ShiftRecord => {
    const row = selectShift.get(id);
    if (!row) throw new Error(`Unknown shift "${id}".`);
    if (row.status !== expectedStatus) throw new StaleShiftError(id, expectedStatus);
    const changes = definedOnly(patch);
    const updated: ShiftRecord = { ...withCash(row), ...changes, id };
    checkShiftCount(updated);
    updateShiftRow.run(shiftToRow(updated));
    if (changes.counted !== undefined) writeCash(id, 'counted', updated.counted);
    if (changes.expected !== undefined) writeCash(id, 'expected', updated.expected);
    audit.append(event);
    return updated;
  };

  const updateLocation = (id: string, patch: Parameters<DeskStore['updateLocation']>[1], event: Parameters<DeskStore['updateLocation']>[2]) => {
    const row = selectLocation.get(id);
    if (!row) throw new Error(`Unknown location "${id}".`);
    const updated: LocationRecord = { ...locationFromRow(row), ...definedOnly(patch), id };
    updateLocationRow.run(locationToRow(updated));
    audit.append(event);
    return updated;
  };

  return {
    async createLocation(location, event) {
      await group.write(() => {
        insertLocation.run(locationToRow(location));
        audit.append(event);
      });
    },
    async getLocation(id) {
      const row = selectLocation.get(id);
      return row ? locationFromRow(row) : null;
    },
    async listLocations() {
      return selectLocations.all().map(locationFromRow);
    },
    async updateLocation(id, patch, event) {
      return group.write(() => updateLocation(id, patch, event));
    },

    async openShift(shift, event) {
      await group.write(() => openShift(shift, event));
    },
    async getShift(id) {
      const row = selectShift.get(id);
      return row ? withCash(row) : null;
    },
    async getCurrentShift(cashier) {
      const row = selectCurrentShift.get(cashier);
      return row ? withCash(row) : null;
    },
    async listShifts(from, to, filter = {}) {
      return selectShifts.all({ from, to, location: filter.locationId ?? null, cashier: filter.cashier ?? null }).map(withCash);
    },
    async updateShift(id, patch, event, expectedStatus) {
      return group.write(() => updateShift(id, patch, event, expectedStatus));
    },

    async addMovement(movement, event) {
      await group.write(() => {
        const row = selectShift.get(movement.shiftId);
        if (!row) throw new Error(`Unknown shift "${movement.shiftId}".`);
        if (row.status !== 'open') throw new StaleShiftError(movement.shiftId, 'open');
        insertMovement.run(movementToRow(movement));
        audit.append(event);
      });
    },
    async listMovements(shiftId) {
      return selectMovements.all(shiftId).map(movementFromRow);
    },
    async listShiftCashouts(shiftId) {
      return selectShiftCashouts.all(shiftId).map(cashoutFromRow);
    },
  };
}
