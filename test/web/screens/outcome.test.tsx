// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowControl, Screen } from '../../../web/flow.ts';
import { ErrorScreen } from '../../../web/screens/error.tsx';
import { GiveCashScreen } from '../../../web/screens/give-cash.tsx';
import { cashout } from '../cashout-fixture.ts';
import { mount } from './render.ts';

const shown: Screen[] = [];
let finished = 0;
const flow: FlowControl = {
  show: (screen) => shown.push(screen),
  started: () => undefined,
  finish: () => {
    finished++;
  },
};
let screen: ReturnType<typeof mount> | undefined;

afterEach(() => screen?.unmount());

describe('give cash screen', () => {
  it('tells the cashier the amount to hand over and moves on to a new cash-out', () => {
    screen = mount(<GiveCashScreen cashout={cashout({ status: 'confirmed', confirmedAt: '2026-11-26T10:02:00.000Z' })} shopName={null} feedback={{ successSound: false, successVibration: false }} flow={flow} />);
    expect(screen.byTestId('give-cash-screen').textContent).toContain('Give €50.00 to the customer');
    expect(screen.byTestId('give-cash-screen').dataset.screen).toBe('give-cash');
    const before = finished;
    screen.click(screen.byTestId('new-cashout'));
    expect(finished).toBe(before + 1);
  });

  it('puts the shop at the head of the receipt and leaves a line for the signature', () => {
    const paid = cashout({ status: 'confirmed', confirmedAt: '2026-11-26T10:02:00.000Z' });
    screen = mount(<GiveCashScreen cashout={paid} shopName="Kasa, Vilnius" feedback={{ successSound: false, successVibration: false }} flow={flow} />);
    expect(screen.byTestId('receipt-shop').textContent).toBe('Kasa, Vilnius');
    expect(screen.byTestId('receipt-signature').textContent).toBe('Customer’s signature');
    expect(screen.byTestId('receipt-reference').textContent).toBe(paid.id);
    expect(screen.byTestId('give-amount').textContent).toBe('€50.00');
  });

  it('names no shop when none is configured', () => {
    screen = mount(<GiveCashScreen cashout={cashout({ status: 'confirmed' })} shopName={null} feedback={{ successSound: false, successVibration: false }} flow={flow} />);
    expect(screen.has('receipt-shop')).toBe(false);
  });
});

describe('error screen', () => {
  const invalidCode = { kind: 'server', code: 'INVALID_CODE', message: 'The reservation code is not valid.', action: 'Ask for a new code.' } as const;

  it('names the error code and says what to do and not to give cash', () => {
    screen = mount(<ErrorScreen failure={invalidCode} cashout={cashout({ status: 'created' })} next="scan-again" flow={flow} />);
    const root = screen.byTestId('error-screen');
    expect(root.dataset.errorCode).toBe('INVALID_CODE');
    expect(root.textContent).toContain('Ask for a new code.');
    expect(root.textContent).toContain('Do not give any cash.');
  });

  it('goes back to scanning the same cash-out on retry', () => {
    const created = cashout({ status: 'created' });
    screen = mount(<ErrorScreen failure={invalidCode} cashout={created} next="scan-again" refused={['f1']} flow={flow} />);
    expect(screen.has('cancel-cashout')).toBe(true);
    screen.click(screen.byTestId('error-retry'));
    expect(shown.at(-1)).toEqual({ name: 'scan', cashout: created, refused: ['f1'] });
  });

  it('offers only a new cash-out once the server ended this one', () => {
    screen = mount(<ErrorScreen failure={{ kind: 'local', code: 'EXPIRED' }} cashout={cashout({ status: 'expired' })} next="new-cashout" flow={flow} />);
    expect(screen.has('error-retry')).toBe(false);
    expect(screen.has('cancel-cashout')).toBe(false);
    expect(screen.byTestId('error-screen').textContent).toContain('The reservation expired before it was confirmed.');
  });
});
