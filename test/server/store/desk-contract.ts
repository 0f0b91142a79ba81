import { describe, expect, it } from 'vitest';
import { type LocationRecord, type MovementRecord, ShiftAlreadyOpenError, type ShiftRecord, StaleShiftError } from '../../../server/store/desk-types.ts';
import type { AuditInput, Store } from '../../../server/store/types.ts';
import type { StoreFactory } from './store-factories.ts';

/** What every store must do for the cash desk; run by store-contract.ts inside its describe, on its store. */

export interface DeskContext {
  factory: StoreFactory;
  store(): Store;
  open(): Promise<Store>;
  cashout(overrides: Record<string, unknown>): Parameters<Store['insertCashout']>[0];
}

function location(overrides: Partial<LocationRecord> = {}): LocationRecord {
  return { id: 'loc-1', name: 'Main street', payseraLocationId: 'P-1', disabled: false, createdAt: 100, ...overrides };
}

function shift(overrides: Partial<ShiftRecord> = {}): ShiftRecord {
  return {
    id: 's1',
    locationId: 'loc-1',
    cashier: 'anna',
    status: 'open',
    openedAt: 1_000,
    float: [{ currency: 'EUR', amountCents: 100_000 }],
    closedAt: null,
    counted: null,
    expected: null,
    signedOffBy: null,
    signedOffAt: null,
    ...overrides,
  };
}

function movement(overrides: Partial<MovementRecord> = {}): MovementRecord {
  return { id: 'm1', shiftId: 's1', kind: 'pay_in', amountCents: 5_000, currency: 'EUR', reason: 'change from the bank', at: 2_000, actor: 'anna', ...overrides };
}

const audit = (action: string, overrides: Partial<AuditInput> = {}): AuditInput => ({ actor: 'anna', action, outcome: `${action} done`, ...overrides });
const allAudit = (store: Store) => store.listAudit(0, Number.MAX_SAFE_INTEGER);
const countAt = (closedAt: number) => ({ closedAt, counted: [{ currency: 'EUR', amountCents: 99_000 }], expected: [{ currency: 'EUR', amountCents: 100_000 }] });

export function deskContract(context: DeskContext): void {
  const store = () => context.store();
  const withLocation = () => store().createLocation(location(), audit('location.add', { actor: 'admin' }));

  describe('locations', () => {
    it('adds, reads, lists by name and updates locations', async () => {
      await store().createLocation(location({ id: 'b', name: 'Zoo road', payseraLocationId: null }), audit('location.add'));
      await store().createLocation(location({ id: 'a', name: 'Airport' }), audit('location.add'));
      expect(await store().getLocation('b')).toEqual(location({ id: 'b', name: 'Zoo road', payseraLocationId: null }));
      expect(await store().getLocation('nope')).toBeNull();
      expect((await store().listLocations()).map((entry) => entry.name)).toEqual(['Airport', 'Zoo road']);
      const updated = await store().updateLocation('a', { payseraLocationId: null, disabled: true, name: undefined }, audit('location.change'));
      expect(updated).toEqual(location({ id: 'a', name: 'Airport', payseraLocationId: null, disabled: true }));
      expect(await store().getLocation('a')).toEqual(updated);
      await expect(store().updateLocation('nope', { name: 'x' }, audit('location.change'))).rejects.toThrow(/Unknown location/);
      expect((await allAudit(store())).map((row) => row.action)).toEqual(['location.add', 'location.add', 'location.change']);
    });

    it('rolls the location change back when its audit event is refused', async () => {
      await withLocation();
      await expect(store().updateLocation('loc-1', { name: 'Renamed' }, audit('location.change', { outcome: '' }))).rejects.toThrow(/check/i);
      expect(await store().getLocation('loc-1')).toMatchObject({ name: 'Main street' });
      await expect(store().createLocation(location({ id: 'loc-2', name: '' }), audit('location.add'))).rejects.toThrow(/check/i);
      expect(await store().listLocations()).toHaveLength(1);
    });
  });

  describe('shifts', () => {
    it('opens a shift with its float and finds it as the cashier’s current one', async () => {
      await withLocation();
      const opened = shift({ float: [{ currency: 'USD', amountCents: 2_500 }, { currency: 'EUR', amountCents: 100_000 }] });
      await store().openShift(opened, audit('shift.open'));
      const expected = { ...opened, float: [{ currency: 'EUR', amountCents: 100_000 }, { currency: 'USD', amountCents: 2_500 }] };
      expect(await store().getShift('s1')).toEqual(expected);
      expect(await store().getCurrentShift('anna')).toEqual(expected);
      expect(await store().getCurrentShift('bob')).toBeNull();
      expect(await store().getShift('nope')).toBeNull();
    });

    it('refuses a second shift while the first is open or closing, and writes nothing for it', async () => {
      await withLocation();
      await store().openShift(shift(), audit('shift.open'));
      const second = store().openShift(shift({ id: 's2', float: [{ currency: 'EUR', amountCents: 7 }] }), audit('shift.open'));
      await expect(second).rejects.toBeInstanceOf(ShiftAlreadyOpenError);
      await expect(second).rejects.toMatchObject({ cashier: 'anna' });
      await store().updateShift('s1', { status: 'closing', ...countAt(3_000) }, audit('shift.close'), 'open');
      await expect(store().openShift(shift({ id: 's3' }), audit('shift.open'))).rejects.toBeInstanceOf(ShiftAlreadyOpenError);
      expect(await store().getShift('s2')).toBeNull();
      expect(await store().getShift('s3')).toBeNull();
      expect((await allAudit(store())).map((row) => row.action)).toEqual(['location.add', 'shift.open', 'shift.close']);
    });

    it('lets one of two racing opens for one cashier through, from two stores on one database', async () => {
      await withLocation();
      const other = await context.open();
      try {
        const outcomes = await Promise.allSettled([store().openShift(shift(), audit('shift.open')), other.openShift(shift({ id: 's2' }), audit('shift.open'))]);
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        expect(outcomes.find((outcome) => outcome.status === 'rejected')?.reason).toBeInstanceOf(ShiftAlreadyOpenError);
      } finally {
        await other.close();
      }
      expect(await allAudit(store())).toHaveLength(2);
    });

    it('lets the cashier open a new shift once the last one is closed', async () => {
      await withLocation();
      await store().openShift(shift(), audit('shift.open'));
      const closed = await store().updateShift('s1', { status: 'closing', ...countAt(3_000) }, audit('shift.close'), 'open');
      expect(closed).toEqual(shift({ status: 'closing', ...countAt(3_000) }));
      const signed = await store().updateShift('s1', { status: 'closed', signedOffBy: 'sam', signedOffAt: 4_000 }, audit('shift.sign_off', { actor: 'sam' }), 'closing');
      expect(signed).toEqual(shift({ status: 'closed', ...countAt(3_000), signedOffBy: 'sam', signedOffAt: 4_000 }));
      expect(await store().getShift('s1')).toEqual(signed);
      expect(await store().getCurrentShift('anna')).toBeNull();
      await store().openShift(shift({ id: 's2', openedAt: 5_000, float: [] }), audit('shift.open'));
      expect(await store().getCurrentShift('anna')).toEqual(shift({ id: 's2', openedAt: 5_000, float: [] }));
    });

    it('keeps an empty count apart from no count', async () => {
      await withLocation();
      await store().openShift(shift({ float: [] }), audit('shift.open'));
      await store().updateShift('s1', { status: 'closed', closedAt: 3_000, counted: [], expected: [] }, audit('shift.close'), 'open');
      expect(await store().getShift('s1')).toMatchObject({ float: [], counted: [], expected: [], closedAt: 3_000 });
      await expect(store().updateShift('s1', { counted: null }, audit('shift.close'), 'closed')).rejects.toThrow(/set together/);
    });

    it('changes nothing when the shift’s status is no longer the one the write expected', async () => {
      await withLocation();
      await store().openShift(shift(), audit('shift.open'));
      await store().updateShift('s1', { status: 'closed', ...countAt(3_000) }, audit('shift.close'), 'open');
      const stale = store().updateShift('s1', { status: 'closing', signedOffBy: 'sam', signedOffAt: 4_000 }, audit('shift.sign_off'), 'closing');
      await expect(stale).rejects.toBeInstanceOf(StaleShiftError);
      await expect(stale).rejects.toMatchObject({ id: 's1', expected: 'closing' });
      expect(await store().getShift('s1')).toEqual(shift({ status: 'closed', ...countAt(3_000) }));
      await expect(store().updateShift('nope', { status: 'closed' }, audit('shift.close'), 'open')).rejects.toThrow(/Unknown shift/);
      expect((await allAudit(store())).map((row) => row.action)).toEqual(['location.add', 'shift.open', 'shift.close']);
    });

    it('rolls the shift change back, cash included, when its audit event is refused', async () => {
      await withLocation();
      await store().openShift(shift(), audit('shift.open'));
      await expect(store().updateShift('s1', { status: 'closing', ...countAt(3_000) }, audit('shift.close', { actor: '' }), 'open')).rejects.toThrow(/check/i);
      expect(await store().getShift('s1')).toEqual(shift());
      await expect(store().openShift(shift({ id: 's2', cashier: 'bob' }), audit('shift.open', { outcome: '' }))).rejects.toThrow(/check/i);
      expect(await store().getCurrentShift('bob')).toBeNull();
    });

    it('lists shifts opened in a range, oldest first, by location or by cashier', async () => {
      await withLocation();
      await store().createLocation(location({ id: 'loc-2', name: 'Airport' }), audit('location.add'));
      await store().openShift(shift({ id: 'a', cashier: 'anna', openedAt: 300 }), audit('shift.open'));
      await store().openShift(shift({ id: 'b', cashier: 'bob', openedAt: 100, locationId: 'loc-2' }), audit('shift.open'));
      await store().openShift(shift({ id: 'c', cashier: 'cleo', openedAt: 200 }), audit('shift.open'));
      await store().openShift(shift({ id: 'd', cashier: 'dan', openedAt: 400, locationId: 'loc-2' }), audit('shift.open'));
      const ids = (list: ShiftRecord[]) => list.map((entry) => entry.id);
      expect(ids(await store().listShifts(100, 400))).toEqual(['b', 'c', 'a']);
      expect(ids(await store().listShifts(0, 1_000, { locationId: 'loc-2' }))).toEqual(['b', 'd']);
      expect(ids(await store().listShifts(0, 1_000, { cashier: 'anna' }))).toEqual(['a']);
      expect(ids(await store().listShifts(0, 1_000, { cashier: 'anna', locationId: 'loc-2' }))).toEqual([]);
      expect((await store().listShifts(300, 301))[0]).toEqual(shift({ id: 'a', cashier: 'anna', openedAt: 300 }));
    });
  });

  describe('movements', () => {
    it('records pay-ins and drops of an open shift in time order', async () => {
      await withLocation();
      await store().openShift(shift(), audit('shift.open'));
      await store().addMovement(movement({ id: 'm2', kind: 'drop', at: 3_000, amountCents: 20_000 }), audit('shift.drop', { amountCents: 20_000, currency: 'EUR' }));
      await store().addMovement(movement(), audit('shift.pay_in', { amountCents: 5_000, currency: 'EUR' }));
      expect(await store().listMovements('s1')).toEqual([movement(), movement({ id: 'm2', kind: 'drop', at: 3_000, amountCents: 20_000 })]);
      expect(await store().listMovements('other')).toEqual([]);
      expect((await allAudit(store())).slice(-2).map((row) => [row.action, row.amountCents])).toEqual([
        ['shift.drop', 20_000],
        ['shift.pay_in', 5_000],
      ]);
    });

    it('refuses a movement on a closing or closed shift, and records nothing', async () => {
      await withLocation();
      await store().openShift(shift(), audit('shift.open'));
      await store().updateShift('s1', { status: 'closing', ...countAt(3_000) }, audit('shift.close'), 'open');
      await expect(store().addMovement(movement(), audit('shift.pay_in'))).rejects.toBeInstanceOf(StaleShiftError);
      await store().updateShift('s1', { status: 'closed', signedOffBy: 'sam', signedOffAt: 4_000 }, audit('shift.sign_off'), 'closing');
      await expect(store().addMovement(movement({ id: 'm2' }), audit('shift.pay_in'))).rejects.toBeInstanceOf(StaleShiftError);
      await expect(store().addMovement(movement({ id: 'm3', shiftId: 'nope' }), audit('shift.pay_in'))).rejects.toThrow(/Unknown shift/);
      expect(await store().listMovements('s1')).toEqual([]);
      expect((await allAudit(store())).map((row) => row.action)).toEqual(['location.add', 'shift.open', 'shift.close', 'shift.sign_off']);
    });

    it('refuses a fractional, unsafe, zero or reasonless movement before or at the database', async () => {
      await withLocation();
      await store().openShift(shift(), audit('shift.open'));
      await expect(store().addMovement(movement({ amountCents: 10.5 }), audit('shift.pay_in'))).rejects.toThrow(RangeError);
      await expect(store().addMovement(movement({ amountCents: 2 ** 53 }), audit('shift.pay_in'))).rejects.toThrow(RangeError);
      await expect(store().openShift(shift({ id: 's2', cashier: 'bob', float: [{ currency: 'EUR', amountCents: 0.1 }] }), audit('shift.open'))).rejects.toThrow(RangeError);
      await expect(store().addMovement(movement({ amountCents: 0 }), audit('shift.pay_in'))).rejects.toThrow(/check/i);
      await expect(store().addMovement(movement({ reason: '  ' }), audit('shift.pay_in'))).rejects.toThrow(/check/i);
      expect(await store().listMovements('s1')).toEqual([]);
      expect(await store().getCurrentShift('bob')).toBeNull();
      expect(await allAudit(store())).toHaveLength(2);
    });
  });

  describe('cash-outs of a shift', () => {
    it('keeps a cash-out’s shift and Paysera location, and lists the shift’s cash-outs oldest first', async () => {
      await withLocation();
      await store().openShift(shift(), audit('shift.open'));
      await store().insertCashout(context.cashout({ id: 'late', createdAt: 3_000, shiftId: 's1', payseraLocationId: 'LOC-7' }), audit('cashout.create'));
      await store().insertCashout(context.cashout({ id: 'early', createdAt: 2_000, shiftId: 's1', payseraLocationId: null }), audit('cashout.create'));
      await store().insertCashout(context.cashout({ id: 'none', createdAt: 2_500 }), audit('cashout.create'));
      expect(await store().getCashout('late')).toEqual(context.cashout({ id: 'late', createdAt: 3_000, shiftId: 's1', payseraLocationId: 'LOC-7' }));
      expect(await store().getCashout('none')).toMatchObject({ shiftId: null, payseraLocationId: null });
      expect((await store().listShiftCashouts('s1')).map((entry) => [entry.id, entry.payseraLocationId])).toEqual([
        ['early', null],
        ['late', 'LOC-7'],
      ]);
      expect(await store().updateCashout('late', { status: 'confirmed', confirmedAt: 4_000 })).toMatchObject({ shiftId: 's1', payseraLocationId: 'LOC-7' });
      await expect(store().insertCashout(context.cashout({ id: 'ghost', shiftId: 'no-such-shift' }), audit('cashout.create'))).rejects.toThrow(/foreign key/i);
    });
  });

  describe('writes on one shift from two stores at once', () => {
    it('cash-out inserts and movements of one shift all go through, in one chain', async () => {
      await withLocation();
      await store().openShift(shift(), audit('shift.open'));
      const other = await context.open();
      try {
        const outcomes = await Promise.allSettled(
          Array.from({ length: 16 }, (_, index) =>
            index % 2
              ? other.insertCashout(context.cashout({ id: `c${index}`, shiftId: 's1' }), audit('cashout.create'))
              : store().addMovement(movement({ id: `m${index}`, at: index }), audit('shift.pay_in')),
          ),
        );
        expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
      } finally {
        await other.close();
      }
      expect(await store().listShiftCashouts('s1')).toHaveLength(8);
      expect(await store().listMovements('s1')).toHaveLength(8);
      expect(await store().verifyAudit()).toMatchObject({ ok: true, count: 18 });
    });
  });

  describe('audit and the database’s own guards', () => {
    it('appends exactly one audit event per desk write, in one chain that verifies', async () => {
      const auditRows = async () => (await allAudit(store())).length;
      const writes: Array<() => Promise<unknown>> = [
        () => withLocation(),
        () => store().updateLocation('loc-1', { name: 'Harbour' }, audit('location.change')),
        () => store().openShift(shift(), audit('shift.open')),
        () => store().addMovement(movement(), audit('shift.pay_in', { amountCents: 5_000, currency: 'EUR' })),
        () => store().updateShift('s1', { status: 'closing', ...countAt(3_000) }, audit('shift.close'), 'open'),
        () => store().updateShift('s1', { status: 'closed', signedOffBy: 'sam', signedOffAt: 4_000 }, audit('shift.sign_off', { actor: 'sam' }), 'closing'),
      ];
      for (const write of writes) {
        const count = await auditRows();
        await write();
        expect(await auditRows()).toBe(count + 1);
      }
      expect((await allAudit(store())).map((row) => row.action)).toEqual(['location.add', 'location.change', 'shift.open', 'shift.pay_in', 'shift.close', 'shift.sign_off']);
      expect(await store().verifyAudit()).toMatchObject({ ok: true, count: 6, firstBadSeq: null });
    });

    it('refuses negative and fractional cents, an unknown status or kind, and a second current shift in SQL itself', async () => {
      await withLocation();
      await store().openShift(shift(), audit('shift.open'));
      const { factory } = context;
      const shiftInsert = (values: string) => factory.exec(`INSERT INTO shifts (id, location_id, cashier, status, opened_at, closed_at) VALUES ${values}`);
      await expect(shiftInsert("('x1', 'loc-1', 'anna', 'open', 1, NULL)")).rejects.toThrow(/unique/i);
      await expect(shiftInsert("('x2', 'loc-1', 'bob', 'paused', 1, NULL)")).rejects.toThrow(/check/i);
      await expect(shiftInsert("('x3', 'loc-1', 'bob', 'closed', 1, NULL)")).rejects.toThrow(/check/i);
      await expect(shiftInsert("('x4', 'no-such-location', 'bob', 'open', 1, NULL)")).rejects.toThrow(/foreign key/i);
      const cashInsert = (kind: string, cents: string) => factory.exec(`INSERT INTO shift_cash (shift_id, kind, currency, amount_cents) VALUES ('s1', '${kind}', 'USD', ${cents})`);
      await expect(cashInsert('float', '-1')).rejects.toThrow(/check/i);
      await expect(cashInsert('float', "'10.5'")).rejects.toThrow(/integer|bigint/i);
      await expect(cashInsert('tip', '1')).rejects.toThrow(/check/i);
      const movementInsert = (kind: string, cents: string) =>
        factory.exec(`INSERT INTO shift_movements (id, shift_id, kind, amount_cents, currency, reason, at, actor) VALUES ('mx', 's1', '${kind}', ${cents}, 'EUR', 'r', 1, 'anna')`);
      await expect(movementInsert('drop', '-100')).rejects.toThrow(/check/i);
      await expect(movementInsert('drop', "'0.5'")).rejects.toThrow(/integer|bigint/i);
      await expect(movementInsert('refund', '100')).rejects.toThrow(/check/i);
      expect(await store().getShift('s1')).toEqual(shift());
      expect(await store().listMovements('s1')).toEqual([]);
    });
  });
}
