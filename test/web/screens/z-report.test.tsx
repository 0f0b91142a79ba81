// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '../../../shared/local-date.ts';
import type { Screen } from '../../../web/flow.ts';
import { ShiftsScreen } from '../../../web/screens/shifts.tsx';
import { ZReportScreen } from '../../../web/screens/z-report.tsx';
import { choose, settle, shift, startDeskServer, zReport } from '../desk-fixture.ts';
import { mount } from './render.ts';

let server: Awaited<ReturnType<typeof startDeskServer>>;
let screen: ReturnType<typeof mount> | undefined;
let shown: Screen[];
const show = (next: Screen) => shown.push(next);

beforeAll(async () => {
  server = await startDeskServer();
});
afterAll(() => server.close());
beforeEach(() => {
  shown = [];
  server.routes.clear();
  server.requests.length = 0;
});
afterEach(() => screen?.unmount());

const closed = shift({
  status: 'closed',
  closedAt: '2026-11-30T17:00:00.000Z',
  expected: [{ amount: '75.00', currency: 'EUR' }],
  counted: [{ amount: '62.50', currency: 'EUR' }],
  difference: [{ amount: '-12.50', currency: 'EUR' }],
  needsSignOff: true,
  signedOffBy: 'rasa',
  signedOffAt: '2026-11-30T17:05:00.000Z',
});

describe('z-report screen', () => {
  it('lists the float, every cash-out with its transaction key and status, the pay-ins and drops, the count and the signer', async () => {
    server.answer(
      'GET /api/shifts/s-1/report',
      zReport({
        shift: closed,
        cashouts: [
          { id: 'c-1', createdAt: '2026-11-30T09:00:00.000Z', amount: '50.00', currency: 'EUR', transactionKey: 'tx-aaaa', status: 'confirmed' },
          { id: 'c-2', createdAt: '2026-11-30T10:00:00.000Z', amount: '500.00', currency: 'EUR', transactionKey: null, status: 'failed' },
        ],
        movements: [{ id: 'm-1', kind: 'drop', amount: '75.00', currency: 'EUR', reason: 'to the safe', at: '2026-11-30T12:00:00.000Z', actor: 'ona' }],
      }),
    );
    screen = mount(<ZReportScreen shiftId="s-1" back="shifts" show={show} />);
    await settle();
    expect(screen.byTestId('z-float').textContent).toBe('€200.00');
    const cashouts = screen.container.querySelectorAll('[data-testid="z-cashout"]');
    expect([...cashouts].map((row) => [...row.querySelectorAll('td')].slice(1).map((cell) => cell.textContent))).toEqual([
      ['€50.00', 'tx-aaaa', 'Paid out'],
      ['€500.00', '—', 'Failed'],
    ]);
    expect(screen.byTestId('z-movement').textContent).toContain('Drop€75.00to the safe');
    expect(screen.byTestId('z-expected').textContent).toBe('€75.00');
    expect(screen.byTestId('z-counted').textContent).toBe('€62.50');
    expect(screen.byTestId('z-difference').textContent).toBe('-€12.50');
    expect(screen.byTestId('z-signed').textContent).toContain('rasa');
    expect(screen.byTestId('z-status').textContent).toBe('Closed');
    expect(screen.byTestId<HTMLAnchorElement>('z-csv').getAttribute('href')).toBe('/api/shifts/s-1/report.csv');
  });

  it('says when nothing moved and no sign-off was needed', async () => {
    server.answer('GET /api/shifts/s-1/report', zReport({ shift: shift({ status: 'closed', counted: [], difference: [] }) }));
    screen = mount(<ZReportScreen shiftId="s-1" back="shift" show={show} />);
    await settle();
    expect(screen.container.textContent).toContain('No cash-outs in this shift.');
    expect(screen.container.textContent).toContain('No pay-ins or drops.');
    expect(screen.byTestId('z-signed').textContent).toBe('Not needed');
  });
});

describe('shifts screen', () => {
  it('lists the day’s shifts, narrows them to a location, and opens a Z-report', async () => {
    const today = localDate(new Date());
    server.answer('GET /api/locations', { locations: [{ id: 'loc-1', name: 'Central', payseraLocationId: null, disabled: false }] });
    server.answer(`GET /api/shifts?date=${today}`, { date: today, shifts: [shift(), closed, shift({ id: 's-2', cashier: 'jonas' })] });
    server.answer(`GET /api/shifts?date=${today}&locationId=loc-1`, { date: today, shifts: [shift({ id: 's-2', cashier: 'jonas' })] });
    screen = mount(<ShiftsScreen show={show} />);
    await settle();
    expect(screen.byTestId('shifts-count').textContent).toBe('3 shifts');
    choose(screen.byTestId<HTMLSelectElement>('shifts-location'), 'loc-1');
    await settle();
    expect(screen.byTestId('shifts-count').textContent).toBe('1 shift');
    const row = screen.byTestId('shifts-row');
    expect(row.textContent).toContain('jonas');
    screen.click(row.querySelector('button') as HTMLButtonElement);
    expect(shown).toEqual([{ name: 'z-report', shiftId: 's-2', back: 'shifts' }]);
  });
});
