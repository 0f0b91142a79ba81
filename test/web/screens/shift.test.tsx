// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Screen } from '../../../web/flow.ts';
import { ShiftCloseScreen } from '../../../web/screens/shift-close.tsx';
import { ShiftScreen } from '../../../web/screens/shift-current.tsx';
import { ShiftOpenScreen } from '../../../web/screens/shift-open.tsx';
import { config } from '../cashout-fixture.ts';
import { choose, settle, shift, startDeskServer, typeInto } from '../desk-fixture.ts';
import { mount } from './render.ts';

let server: Awaited<ReturnType<typeof startDeskServer>>;
let screen: ReturnType<typeof mount> | undefined;
let shown: Screen[];
const show = (next: Screen) => shown.push(next);
const locations = [
  { id: 'loc-1', name: 'Central', payseraLocationId: null, disabled: false },
  { id: 'loc-2', name: 'Old town', payseraLocationId: 'pl-2', disabled: false },
  { id: 'loc-3', name: 'Closed shop', payseraLocationId: null, disabled: true },
];

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

describe('shift-open screen', () => {
  it('opens at the chosen location with the float counted by denomination, then goes home', async () => {
    server.answer('GET /api/locations', { locations });
    server.answer('POST /api/shifts', { shift: shift() });
    screen = mount(<ShiftOpenScreen config={config} show={show} />);
    await settle();
    const select = screen.byTestId<HTMLSelectElement>('shift-location-select');
    expect([...select.options].map((option) => option.textContent)).toEqual(['Choose a location', 'Central', 'Old town']);
    expect(screen.byTestId<HTMLButtonElement>('shift-open-submit').disabled).toBe(true);
    choose(select, 'loc-2');
    screen.click(screen.byTestId('float-EUR-by-pieces'));
    typeInto(screen.byTestId('float-EUR-piece-5000'), '3');
    typeInto(screen.byTestId('float-EUR-piece-5'), '11');
    expect(screen.byTestId('float-EUR-sum').textContent).toBe('Total: €150.55');
    screen.click(screen.byTestId('shift-open-submit'));
    await settle();
    expect(server.requests.at(-1)).toEqual({ method: 'POST', url: '/api/shifts', body: { locationId: 'loc-2', float: [{ amount: '150.55', currency: 'EUR' }] } });
    expect(shown).toEqual([{ name: 'amount' }]);
  });

  it('shows the refusal in place when a shift is already open', async () => {
    server.answer('GET /api/locations', { locations: [locations[0]] });
    server.answer('POST /api/shifts', { error: { code: 'SHIFT_ALREADY_OPEN', message: 'You already have an open shift.', action: 'Close it first.' } }, 409);
    screen = mount(<ShiftOpenScreen config={config} show={show} />);
    await settle();
    typeInto(screen.byTestId('float-EUR-total'), '100');
    screen.click(screen.byTestId('shift-open-submit'));
    await settle();
    expect(screen.byTestId('inline-error').dataset.errorCode).toBe('SHIFT_ALREADY_OPEN');
    expect(shown).toEqual([]);
  });
});

describe('shift screen', () => {
  it('shows the shift’s cash and records a drop with its reason, then reads the shift again', async () => {
    server.answer('GET /api/shifts/current', { shift: shift() });
    server.answer('POST /api/shifts/s-1/movements', { shift: shift() });
    screen = mount(<ShiftScreen config={config} show={show} />);
    await settle();
    expect(screen.byTestId('shift-location').textContent).toBe('Central');
    expect(screen.byTestId('shift-float').textContent).toBe('€200.00');
    expect(screen.byTestId('shift-expected').textContent).toBe('€150.00');
    expect(screen.byTestId('shift-available').textContent).toBe('€120.00');
    expect(screen.byTestId<HTMLButtonElement>('movement-submit').disabled).toBe(true);
    typeInto(screen.byTestId('movement-amount'), '50,5');
    typeInto(screen.byTestId('movement-reason'), 'to the safe');
    server.answer('GET /api/shifts/current', { shift: shift({ expected: [{ amount: '99.50', currency: 'EUR' }] }) });
    screen.click(screen.byTestId('movement-submit'));
    await settle();
    expect(server.requests.find((request) => request.method === 'POST')?.body).toEqual({ kind: 'drop', amount: '50.50', currency: 'EUR', reason: 'to the safe' });
    expect(screen.byTestId('movement-recorded').textContent).toBe('Recorded.');
    expect(screen.byTestId('shift-expected').textContent).toBe('€99.50');
    screen.click(screen.byTestId('shift-close-start'));
    expect(shown.at(-1)).toMatchObject({ name: 'shift-close', shift: { id: 's-1' } });
  });

  it('offers to open a shift when none is open', async () => {
    server.answer('GET /api/shifts/current', { shift: null });
    screen = mount(<ShiftScreen config={config} show={show} />);
    await settle();
    screen.click(screen.byTestId('shift-open-start'));
    expect(shown).toEqual([{ name: 'shift-open' }]);
  });

  it('shows a counted shift waiting for sign-off with the form to sign it', async () => {
    const closing = shift({ status: 'closing', counted: [{ amount: '140.00', currency: 'EUR' }], difference: [{ amount: '-10.00', currency: 'EUR' }], needsSignOff: true });
    server.answer('GET /api/shifts/current', { shift: closing });
    screen = mount(<ShiftScreen config={config} show={show} />);
    await settle();
    expect(screen.has('shift-awaiting')).toBe(true);
    expect(screen.byTestId('count-difference').textContent).toBe('-€10.00');
    expect(screen.has('signoff-username')).toBe(true);
    expect(screen.has('movement-form')).toBe(false);
  });
});

describe('shift-close screen', () => {
  it('sends the count, shows the difference beyond the tolerance, and after the sign-off opens the Z-report', async () => {
    server.answer('POST /api/shifts/s-1/close', {
      shift: shift({ status: 'closing' }),
      expected: [{ amount: '150.00', currency: 'EUR' }],
      counted: [{ amount: '137.50', currency: 'EUR' }],
      difference: [{ amount: '-12.50', currency: 'EUR' }],
      needsSignOff: true,
    });
    server.answer('POST /api/shifts/s-1/sign-off', { shift: shift({ status: 'closed', signedOffBy: 'rasa' }) });
    screen = mount(<ShiftCloseScreen shift={shift()} config={config} show={show} />);
    expect(screen.byTestId<HTMLButtonElement>('shift-close-submit').disabled).toBe(true);
    typeInto(screen.byTestId('counted-EUR-total'), '137.50');
    screen.click(screen.byTestId('shift-close-submit'));
    await settle();
    expect(server.requests.at(-1)?.body).toEqual({ counted: [{ amount: '137.50', currency: 'EUR' }] });
    expect(screen.byTestId('count-expected').textContent).toBe('€150.00');
    expect(screen.byTestId('count-difference').textContent).toBe('-€12.50');
    expect(screen.byTestId('signoff-form').textContent).toContain('more than €0.00');
    typeInto(screen.byTestId('signoff-username'), 'rasa');
    typeInto(screen.byTestId('signoff-password'), 'supervisor-password');
    screen.click(screen.byTestId('signoff-submit'));
    await settle();
    expect(server.requests.at(-1)).toEqual({ method: 'POST', url: '/api/shifts/s-1/sign-off', body: { username: 'rasa', password: 'supervisor-password' } });
    expect(screen.byTestId<HTMLInputElement>('signoff-password').value).toBe('');
    expect(shown).toEqual([{ name: 'z-report', shiftId: 's-1', back: 'shift' }]);
  });

  it('goes straight to the Z-report when the count is within the tolerance', async () => {
    server.answer('POST /api/shifts/s-1/close', {
      shift: shift({ status: 'closed' }),
      expected: [{ amount: '150.00', currency: 'EUR' }],
      counted: [{ amount: '150.00', currency: 'EUR' }],
      difference: [{ amount: '0.00', currency: 'EUR' }],
      needsSignOff: false,
    });
    screen = mount(<ShiftCloseScreen shift={shift()} config={config} show={show} />);
    typeInto(screen.byTestId('counted-EUR-total'), '150');
    screen.click(screen.byTestId('shift-close-submit'));
    await settle();
    expect(shown).toEqual([{ name: 'z-report', shiftId: 's-1', back: 'shift' }]);
  });

  it('keeps the count on screen when the close is refused', async () => {
    server.answer('POST /api/shifts/s-1/close', { error: { code: 'SHIFT_BUSY', message: 'A cash-out of this shift is still in progress.', action: 'Finish it.' } }, 409);
    screen = mount(<ShiftCloseScreen shift={shift()} config={config} show={show} />);
    typeInto(screen.byTestId('counted-EUR-total'), '150');
    screen.click(screen.byTestId('shift-close-submit'));
    await settle();
    expect(screen.byTestId('inline-error').dataset.errorCode).toBe('SHIFT_BUSY');
    expect(screen.byTestId<HTMLInputElement>('counted-EUR-total').value).toBe('150');
    expect(shown).toEqual([]);
  });
});
