import { describe, expect, it } from 'vitest';
import { freshCashout } from '../../../server/cashout/create.ts';
import { shiftStateOf } from '../../../server/desk/shift-state.ts';
import { zReportCsv } from '../../../server/http/z-report-csv.ts';
import type { ShiftRecord } from '../../../server/store/desk-types.ts';

const opened = Date.UTC(2026, 10, 26, 8, 0, 0);

const shift: ShiftRecord = {
  id: 's-1',
  locationId: 'loc-1',
  cashier: 'anna',
  status: 'closed',
  openedAt: opened,
  float: [{ currency: 'EUR', amountCents: 20_000 }],
  closedAt: opened + 3_600_000,
  counted: [{ currency: 'EUR', amountCents: 14_750 }],
  expected: [{ currency: 'EUR', amountCents: 15_000 }],
  signedOffBy: 'sam',
  signedOffAt: opened + 3_700_000,
};

describe('the Z-report as CSV', () => {
  it('has a line per float, cash-out, movement, expected, counted, difference and sign-off, in that order', () => {
    const payout = { ...freshCashout({ id: 'c-1', amountCents: 5_000, currency: 'EUR', cashier: 'anna', now: opened + 60_000, shiftId: 's-1' }), status: 'confirmed' as const, transactionKey: 'tk-1', pending: null };
    const state = shiftStateOf(shift, { id: 'loc-1', name: 'Market hall', payseraLocationId: null, disabled: false, createdAt: 0 }, [], [payout]);
    expect(zReportCsv(state).split('\r\n')).toEqual([
      'line,at,amount,currency,transactionKey,status,by,note',
      'shift,2026-11-26T08:00:00.000Z,,,,closed,anna,s-1 at Market hall',
      'float,2026-11-26T08:00:00.000Z,200.00,EUR,,,anna,',
      'cashout,2026-11-26T08:01:00.000Z,50.00,EUR,tk-1,confirmed,anna,c-1',
      'expected,2026-11-26T09:00:00.000Z,150.00,EUR,,,,',
      'counted,2026-11-26T09:00:00.000Z,147.50,EUR,,,anna,',
      'difference,2026-11-26T09:00:00.000Z,-2.50,EUR,,,,',
      'sign_off,2026-11-26T09:01:40.000Z,,,,,sam,',
      '',
    ]);
  });

  it('defuses a reason a spreadsheet would run as a formula', () => {
    const movement = { id: 'm-1', shiftId: 's-1', kind: 'pay_in' as const, amountCents: 100, currency: 'EUR', reason: '=HYPERLINK("http://x")', at: opened, actor: 'anna' };
    const csv = zReportCsv(shiftStateOf({ ...shift, status: 'open', closedAt: null, counted: null, expected: null, signedOffBy: null, signedOffAt: null }, null, [movement], []));
    expect(csv).toContain('pay_in,2026-11-26T08:00:00.000Z,1.00,EUR,,,anna,"\'=HYPERLINK(""http://x"")"');
    expect(csv).toContain('shift,2026-11-26T08:00:00.000Z,,,,open,anna,s-1 at loc-1');
    expect(csv).toContain('expected,,201.00,EUR,,,,');
    expect(csv).not.toContain('counted');
  });
});
