// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowControl } from '../../../web/flow.ts';
import { VerifyScreen } from '../../../web/screens/verify.tsx';
import { cashout, config } from '../cashout-fixture.ts';
import { mount } from './render.ts';

const flow: FlowControl = { show: () => undefined, started: () => undefined, finish: () => undefined };
let screen: ReturnType<typeof mount> | undefined;

// Five minutes before the fixture's hold lapses, on a clock the tests move.
beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-26T10:00:00.000Z') });
});
afterEach(() => {
  screen?.unmount();
  vi.useRealTimers();
});

function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

function tick(id: string) {
  screen?.click(screen.byTestId(id));
}

describe('verify screen', () => {
  it('shows the amount large and enables confirm only when both identity checks are ticked', () => {
    screen = mount(<VerifyScreen cashout={cashout()} config={config} flow={flow} />);
    const confirm = () => screen?.byTestId<HTMLButtonElement>('confirm-button');
    expect(screen.byTestId('verify-amount').textContent).toBe('€50.00');
    expect(confirm()?.disabled).toBe(true);
    tick('check-document');
    expect(confirm()?.disabled).toBe(true);
    tick('check-photo');
    expect(confirm()?.disabled).toBe(false);
    tick('check-document');
    expect(confirm()?.disabled).toBe(true);
  });

  it('asks for a supervisor and keeps confirm disabled until one approved', () => {
    screen = mount(<VerifyScreen cashout={cashout({ amount: '300.00', approvalRequired: true })} config={config} flow={flow} />);
    tick('check-document');
    tick('check-photo');
    expect(screen.byTestId<HTMLButtonElement>('confirm-button').disabled).toBe(true);
    expect(screen.has('approval-username')).toBe(true);
    expect(screen.byTestId<HTMLInputElement>('approval-password').type).toBe('password');
  });

  it('needs no supervisor once approved', () => {
    screen = mount(<VerifyScreen cashout={cashout({ amount: '300.00', approvalRequired: true, approvedBy: 'rasa' })} config={config} flow={flow} />);
    tick('check-document');
    tick('check-photo');
    expect(screen.has('approval-username')).toBe(false);
    expect(screen.byTestId<HTMLButtonElement>('confirm-button').disabled).toBe(false);
    expect(screen.container.textContent).toContain('Approved by rasa.');
  });

  it('offers cancel before confirm', () => {
    screen = mount(<VerifyScreen cashout={cashout()} config={config} flow={flow} />);
    expect(screen.has('cancel-cashout')).toBe(true);
  });

  it("names the account holder above the identity checks, or says the name is not available", () => {
    screen = mount(<VerifyScreen cashout={cashout({ holderName: 'Ona Onaitė' })} config={config} flow={flow} />);
    expect(screen.byTestId('holder-name').textContent).toBe('Account holder: Ona Onaitė');
    const checklist = screen.container.querySelector('.checklist');
    expect(checklist && screen.byTestId('holder-name').compareDocumentPosition(checklist) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    screen.unmount();
    for (const holderName of [null, undefined]) {
      screen = mount(<VerifyScreen cashout={cashout({ holderName })} config={config} flow={flow} />);
      expect(screen.byTestId('holder-name').textContent).toBe('Account holder: name not available');
      screen.unmount();
    }
    screen = undefined;
  });

  it('counts the hold down in words and colour, and once it lapses says nothing was paid and offers no confirm', () => {
    screen = mount(<VerifyScreen cashout={cashout()} config={config} flow={flow} />);
    tick('check-document');
    tick('check-photo');
    const countdown = () => screen?.byTestId('hold-countdown');
    expect(countdown()?.dataset.urgency).toBe('calm');
    expect(countdown()?.textContent).toBe('Reservation holds for 5:00 more.');
    advance(4 * 60_000 + 1000);
    expect(countdown()?.dataset.urgency).toBe('soon');
    expect(countdown()?.textContent).toBe('Less than a minute left: 0:59.');
    advance(40_000);
    expect(countdown()?.dataset.urgency).toBe('urgent');
    expect(countdown()?.textContent).toBe('Hurry: only 0:19 left.');
    expect(screen.byTestId<HTMLButtonElement>('confirm-button').disabled).toBe(false);
    advance(19_000);
    expect(screen.has('hold-countdown')).toBe(false);
    expect(screen.has('confirm-button')).toBe(false);
    expect(screen.byTestId('hold-lapsed').textContent).toContain('Nothing was paid: do not give cash.');
    expect(screen.has('cancel-cashout')).toBe(true);
  });
});
