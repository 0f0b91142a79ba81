// @vitest-environment happy-dom
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FlowControl, Screen } from '../../../web/flow.ts';
import { ScanScreen } from '../../../web/screens/scan.tsx';
import type { Settings } from '../../../web/settings.ts';
import { cashout } from '../cashout-fixture.ts';
import { setPageUrl } from '../page-url.ts';
import { mount } from './render.ts';

const code = '9876543210987654321098765432';
const settings: Settings = { language: 'en', cameraId: null, sound: false, successSound: false, successVibration: false };
const reserveBodies: string[] = [];
let server: Server;
let screen: ReturnType<typeof mount> | undefined;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      reserveBodies.push(body);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(cashout({ status: 'reserved' })));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  setPageUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => screen?.unmount());

describe('scan screen, manual entry', () => {
  it('sends the typed code once, clears the field at once and keeps the code nowhere on screen', async () => {
    const shown: Screen[] = [];
    const flow: FlowControl = { show: (next) => shown.push(next), started: () => undefined, finish: () => undefined };
    screen = mount(<ScanScreen cashout={cashout({ status: 'created' })} flow={flow} settings={settings} />);
    expect(screen.has('scan-video')).toBe(true);

    screen.click(screen.byTestId('manual-entry-open'));
    const input = screen.byTestId<HTMLInputElement>('manual-code-input');
    input.value = code;
    screen.click(screen.byTestId('manual-code-submit'));
    expect(input.value).toBe('');
    expect(screen.has('manual-code-submit')).toBe(false);

    await vi.waitFor(() => expect(shown).toHaveLength(1));
    await act(async () => undefined);
    expect(reserveBodies).toEqual([JSON.stringify({ code })]);
    expect(shown[0]?.name).toBe('verify');
    expect(screen.container.innerHTML).not.toContain(code);
  });

  it('offers cancel and manual entry while scanning', () => {
    const flow: FlowControl = { show: () => undefined, started: () => undefined, finish: () => undefined };
    screen = mount(<ScanScreen cashout={cashout({ status: 'created' })} flow={flow} settings={settings} />);
    expect(screen.has('cancel-cashout')).toBe(true);
    expect(screen.has('manual-entry-open')).toBe(true);
    expect(screen.byTestId('scan-screen').dataset.screen).toBe('scan');
  });
});
