// @vitest-environment happy-dom
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AmountPrefill, FlowControl, Screen } from '../../../web/flow.ts';
import { ErrorScreen } from '../../../web/screens/error.tsx';
import { cashout } from '../cashout-fixture.ts';
import { setPageUrl } from '../page-url.ts';
import { mount } from './render.ts';

const requests: string[] = [];
let server: Server;
let screen: ReturnType<typeof mount> | undefined;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(cashout({ id: 'c-7', status: 'cancelled', amount: '80.00' })));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  setPageUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => screen?.unmount());

function recordingFlow() {
  const shown: Screen[] = [];
  const finished: [notice?: 'cancelled', prefill?: AmountPrefill][] = [];
  const flow: FlowControl = { show: (next) => shown.push(next), started: () => undefined, finish: (...args) => finished.push(args) };
  return { flow, shown, finished };
}

const failure = (code: 'INSUFFICIENT_FUNDS' | 'INVALID_CODE' | 'TOO_MANY_ATTEMPTS') => ({ kind: 'server', code, message: code, action: 'Do something.' }) as const;

describe('error screen, the step that fits', () => {
  it('says how many tries are left, and nothing where the count is not known', () => {
    const { flow } = recordingFlow();
    screen = mount(<ErrorScreen failure={failure('INVALID_CODE')} cashout={cashout({ status: 'created' })} next="scan-again" triesLeft={2} flow={flow} />);
    expect(screen.byTestId('tries-left').textContent).toBe('2 tries left for this cash-out.');
    screen.unmount();
    screen = mount(<ErrorScreen failure={failure('INVALID_CODE')} cashout={cashout({ status: 'created' })} next="scan-again" triesLeft={1} flow={flow} />);
    expect(screen.byTestId('tries-left').textContent).toBe('Last try for this cash-out.');
    screen.unmount();
    screen = mount(<ErrorScreen failure={failure('INVALID_CODE')} cashout={cashout({ status: 'created' })} next="scan-again" flow={flow} />);
    expect(screen.has('tries-left')).toBe(false);
  });

  it('"Change amount" revokes the cash-out first, then opens the amount screen with its amount typed in', async () => {
    const { flow, finished } = recordingFlow();
    screen = mount(<ErrorScreen failure={failure('INSUFFICIENT_FUNDS')} cashout={cashout({ id: 'c-7', status: 'created', amount: '80.00' })} next="scan-again" flow={flow} />);
    expect(screen.byTestId('error-amount').textContent).toBe('Cash-out of €80.00');
    expect(screen.byTestId('error-retry').className).toContain('button--secondary');
    screen.click(screen.byTestId('error-change-amount'));
    await vi.waitFor(() => expect(finished).toHaveLength(1));
    await act(async () => undefined);
    expect(requests).toEqual(['POST /api/cashouts/c-7/cancel']);
    expect(finished[0]).toEqual(['cancelled', { amount: '80.00', currency: 'EUR' }]);
  });

  it('after the last try "New cash-out" keeps the amount; other ends start from nothing', () => {
    const { flow, finished } = recordingFlow();
    screen = mount(<ErrorScreen failure={failure('TOO_MANY_ATTEMPTS')} cashout={cashout({ status: 'failed', amount: '12.30', currency: 'EUR' })} next="new-cashout" flow={flow} />);
    screen.click(screen.byTestId('new-cashout'));
    expect(finished.at(-1)).toEqual([undefined, { amount: '12.30', currency: 'EUR' }]);
    screen.unmount();
    screen = mount(<ErrorScreen failure={{ kind: 'local', code: 'EXPIRED' }} cashout={cashout({ status: 'expired' })} next="new-cashout" flow={flow} />);
    screen.click(screen.byTestId('new-cashout'));
    expect(finished.at(-1)).toEqual([]);
  });
});
