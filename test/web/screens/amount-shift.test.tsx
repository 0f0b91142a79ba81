// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FlowControl, Screen } from '../../../web/flow.ts';
import { AmountScreen } from '../../../web/screens/amount.tsx';
import { config } from '../cashout-fixture.ts';
import { settle, shift, startDeskServer } from '../desk-fixture.ts';
import { mount } from './render.ts';

let server: Awaited<ReturnType<typeof startDeskServer>>;
let screen: ReturnType<typeof mount> | undefined;
let shown: Screen[];
const flow: FlowControl = { show: (next) => shown.push(next), started: () => undefined, finish: () => undefined };
const withShifts = { ...config, requireShift: true };

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

function pressAll(keys: string[]) {
  for (const key of keys) screen?.click(screen.byTestId(`key-${key}`));
}

describe('amount screen and the drawer', () => {
  it('shows the cash the open shift has for payouts', async () => {
    server.answer('GET /api/shifts/current', { shift: shift() });
    screen = mount(<AmountScreen config={withShifts} flow={flow} onBusyChange={() => undefined} />);
    await settle();
    expect(screen.byTestId('amount-available').textContent).toBe('Cash for payouts: €120.00');
  });

  it('offers to open a shift instead of the keypad when shifts are required and none is open', async () => {
    server.answer('GET /api/shifts/current', { shift: null });
    screen = mount(<AmountScreen config={withShifts} flow={flow} onBusyChange={() => undefined} />);
    await settle();
    expect(screen.has('key-1')).toBe(false);
    expect(screen.has('amount-submit')).toBe(false);
    screen.click(screen.byTestId('amount-open-shift'));
    expect(shown).toEqual([{ name: 'shift-open' }]);
  });

  it('keeps the keypad without a shift when shifts are not required', async () => {
    server.answer('GET /api/shifts/current', { shift: null });
    screen = mount(<AmountScreen config={config} flow={flow} onBusyChange={() => undefined} />);
    await settle();
    expect(screen.has('key-1')).toBe(true);
    expect(screen.has('amount-available')).toBe(false);
  });

  it('on NOT_ENOUGH_CASH keeps the typed amount, says how much the drawer holds, and reads the cash again', async () => {
    server.answer('GET /api/shifts/current', { shift: shift() });
    server.answer('POST /api/cashouts', { error: { code: 'NOT_ENOUGH_CASH', message: 'The drawer holds 120.00 EUR for payouts.', action: 'Pay out a smaller amount.' } }, 409);
    screen = mount(<AmountScreen config={withShifts} flow={flow} onBusyChange={() => undefined} />);
    await settle();
    pressAll(['3', '0', '0']);
    server.answer('GET /api/shifts/current', { shift: shift({ available: [{ amount: '95.00', currency: 'EUR' }] }) });
    screen.click(screen.byTestId('amount-submit'));
    await settle();
    expect(screen.byTestId('inline-error').dataset.errorCode).toBe('NOT_ENOUGH_CASH');
    expect(screen.byTestId('inline-error').textContent).toContain('The drawer holds 120.00 EUR for payouts.');
    expect(screen.byTestId('amount-display').textContent).toBe('€300');
    expect(screen.byTestId('amount-available').textContent).toBe('Cash for payouts: €95.00');
    expect(server.requests.filter((request) => request.url === '/api/shifts/current')).toHaveLength(2);
    expect(shown).toEqual([]);
  });

  it('on NO_OPEN_SHIFT leads to opening a shift', async () => {
    server.answer('GET /api/shifts/current', { error: { code: 'INTERNAL', message: 'x', action: 'y' } }, 500);
    server.answer('POST /api/cashouts', { error: { code: 'NO_OPEN_SHIFT', message: 'You have no open shift.', action: 'Open a shift.' } }, 409);
    screen = mount(<AmountScreen config={withShifts} flow={flow} onBusyChange={() => undefined} />);
    await settle();
    pressAll(['2', '0']);
    screen.click(screen.byTestId('amount-submit'));
    await settle();
    expect(shown).toEqual([{ name: 'shift-open' }]);
  });

  it('on SHIFT_CLOSED reads the shift again and shows it waiting for its sign-off instead of the keypad', async () => {
    server.answer('GET /api/shifts/current', { shift: shift() });
    server.answer('POST /api/cashouts', { error: { code: 'SHIFT_CLOSED', message: 'Your shift is counted.', action: 'Wait for the sign-off.' } }, 409);
    screen = mount(<AmountScreen config={withShifts} flow={flow} onBusyChange={() => undefined} />);
    await settle();
    pressAll(['1', '0']);
    server.answer('GET /api/shifts/current', { shift: shift({ status: 'closing', needsSignOff: true }) });
    screen.click(screen.byTestId('amount-submit'));
    await settle();
    expect(screen.has('key-1')).toBe(false);
    screen.click(screen.byTestId('amount-shift'));
    expect(shown).toEqual([{ name: 'shift' }]);
  });
});
