// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowControl } from '../../../web/flow.ts';
import { VerifyScreen } from '../../../web/screens/verify.tsx';
import { cashout, config } from '../cashout-fixture.ts';
import { mount } from './render.ts';

const flow: FlowControl = { show: () => undefined, started: () => undefined, finish: () => undefined };
let screen: ReturnType<typeof mount> | undefined;

afterEach(() => screen?.unmount());

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
});
