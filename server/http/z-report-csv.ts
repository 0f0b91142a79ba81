import { formatCents, formatSignedCents } from '../../shared/money.ts';
import type { ShiftState } from '../desk/shift-state.ts';
import type { CashAmount } from '../store/desk-types.ts';
import { csvRow } from './csv.ts';

/**
 * The Z-report as one CSV table, a line per thing that moved cash or was counted, in the order a
 * till count reads it: the shift, its float, cash-outs, pay-ins and drops, expected, counted,
 * difference, sign-off.
 */

const columns = ['line', 'at', 'amount', 'currency', 'transactionKey', 'status', 'by', 'note'];

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function cashLines(line: string, at: number | null, cash: readonly CashAmount[], by: string | null): string[] {
  return cash.map((entry) => csvRow([line, iso(at), formatSignedCents(entry.amountCents), entry.currency, null, null, by, null]));
}

export function zReportCsv(state: ShiftState): string {
  const { shift } = state;
  const lines = [
    csvRow(columns),
    csvRow(['shift', iso(shift.openedAt), null, null, null, shift.status, shift.cashier, `${shift.id} at ${state.location?.name ?? shift.locationId}`]),
    ...cashLines('float', shift.openedAt, shift.float, shift.cashier),
    ...state.cashouts.map((cashout) =>
      csvRow(['cashout', iso(cashout.createdAt), formatCents(cashout.amountCents), cashout.currency, cashout.transactionKey, cashout.status, cashout.cashier, cashout.id]),
    ),
    ...state.movements.map((movement) =>
      csvRow([movement.kind, iso(movement.at), formatCents(movement.amountCents), movement.currency, null, null, movement.actor, movement.reason]),
    ),
    ...cashLines('expected', shift.closedAt, state.expected, null),
    ...(shift.counted === null ? [] : cashLines('counted', shift.closedAt, shift.counted, shift.cashier)),
    ...(state.difference === null ? [] : cashLines('difference', shift.closedAt, state.difference, null)),
    ...(shift.signedOffBy === null ? [] : [csvRow(['sign_off', iso(shift.signedOffAt), null, null, null, null, shift.signedOffBy, null])]),
  ];
  return lines.join('');
}
