// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigResponse } from '../../../shared/api.ts';
import type { FlowControl, Screen } from '../../../web/flow.ts';
import { AmountScreen } from '../../../web/screens/amount.tsx';
import { config } from '../cashout-fixture.ts';
import { settle, startDeskServer } from '../desk-fixture.ts';
import { mount } from './render.ts';


const shown: Screen[] = [];
const flow: FlowControl = { show: (screen) => shown.push(screen), started: () => undefined, finish: () => undefined };
let screen: ReturnType<typeof mount> | undefined;

let server: Awaited<ReturnType<typeof startDeskServer>>;

// The screen reads the cashier's shift; here none is open and none is required.
beforeAll(async () => {
  server = await startDeskServer();
  server.answer('GET /api/shifts/current', { shift: null });
});
afterAll(() => server.close());
// Each mount's read of the shift is answered before the next test (and before the server closes).
afterEach(async () => {
  await settle();
  screen?.unmount();
});

function pressAll(keys: string[]) {
  for (const key of keys) screen?.click(screen.byTestId(`key-${key}`));
}

describe('amount entry', () => {
  it('shows what the keypad typed, formatted, and enables submit for a payable amount', () => {
    const busy: boolean[] = [];
    screen = mount(<AmountScreen config={config} flow={flow} onBusyChange={(value) => busy.push(value)} />);
    expect(screen.byTestId<HTMLButtonElement>('amount-submit').disabled).toBe(true);
    pressAll(['1', '9', 'dot', '9', '9']);
    expect(screen.byTestId('amount-display').textContent).toBe('€19.99');
    expect(screen.byTestId<HTMLButtonElement>('amount-submit').disabled).toBe(false);
    expect(busy.at(-1)).toBe(true);
    pressAll(['back', 'back', 'back', 'back', 'back']);
    expect(busy.at(-1)).toBe(false);
  });

  it('refuses an amount above the limit before asking the server', () => {
    screen = mount(<AmountScreen config={config} flow={flow} onBusyChange={() => undefined} />);
    pressAll(['1', '0', '0', '0', 'dot', '0', '1']);
    expect(screen.byTestId<HTMLButtonElement>('amount-submit').disabled).toBe(true);
    expect(screen.container.textContent).toContain('Above the limit of €1,000.00.');
  });

  it('marks its root with the screen name', () => {
    screen = mount(<AmountScreen config={config} flow={flow} onBusyChange={() => undefined} />);
    expect(screen.container.querySelector('[data-screen="amount"]')).not.toBeNull();
  });

  it('offers no currency choice when one currency is accepted', () => {
    screen = mount(<AmountScreen config={config} flow={flow} onBusyChange={() => undefined} />);
    expect(screen.container.querySelector('select')).toBeNull();
  });

  it('offers only the accepted currencies and applies the chosen one\'s limits', () => {
    const twoCurrencies: ConfigResponse = {
      ...config,
      currencies: ['EUR', 'GBP'],
      limits: [...config.limits, { currency: 'GBP', maxAmount: '500.00', supervisorThreshold: '250.00', dailyCap: null }],
    };
    screen = mount(<AmountScreen config={twoCurrencies} flow={flow} onBusyChange={() => undefined} />);
    const select = screen.container.querySelector('select');
    if (!select) throw new Error('no currency select');
    expect([...select.options].map((option) => option.value)).toEqual(['EUR', 'GBP']);
    pressAll(['6', '0', '0']);
    expect(screen.byTestId<HTMLButtonElement>('amount-submit').disabled).toBe(false);
    act(() => {
      select.value = 'GBP';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(screen.byTestId<HTMLButtonElement>('amount-submit').disabled).toBe(true);
    expect(screen.container.textContent).toContain('Above the limit of £500.00.');
    pressAll(['back']);
    expect(screen.container.textContent).toContain('£250.00');
  });
});
