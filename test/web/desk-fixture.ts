import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { act } from 'preact/test-utils';
import { shift as shiftSchema, zReport as zReportSchema, type Shift, type ZReport } from '../../shared/desk-api.ts';
import { setPageUrl } from './page-url.ts';

/** A shift as GET /api/shifts/current answers it: open at "Central" with a 200.00 EUR float, unless `overrides` say otherwise. */
export function shift(overrides: Partial<Shift> = {}): Shift {
  return shiftSchema.parse({
    id: 's-1',
    locationId: 'loc-1',
    locationName: 'Central',
    cashier: 'ona',
    status: 'open',
    openedAt: '2026-11-30T08:00:00.000Z',
    closedAt: null,
    float: [{ amount: '200.00', currency: 'EUR' }],
    expected: [{ amount: '150.00', currency: 'EUR' }],
    available: [{ amount: '120.00', currency: 'EUR' }],
    counted: null,
    difference: null,
    needsSignOff: false,
    signedOffBy: null,
    signedOffAt: null,
    ...overrides,
  });
}

export function zReport(overrides: Partial<ZReport> = {}): ZReport {
  return zReportSchema.parse({ shift: shift(), movements: [], cashouts: [], ...overrides });
}

export interface Answer {
  status?: number;
  body: unknown;
}

export interface RecordedRequest {
  method: string;
  url: string;
  body: unknown;
}

/**
 * A loopback HTTP server that answers the page's requests from `routes` ("GET /api/shifts/current"
 * → answer), recording each request with its JSON body; unknown routes get a 404 in the error shape.
 */
export async function startDeskServer() {
  const routes = new Map<string, Answer>();
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    request.on('end', () => {
      const key = `${request.method} ${request.url}`;
      requests.push({ method: request.method ?? '', url: request.url ?? '', body: text === '' ? undefined : JSON.parse(text) });
      const answer = routes.get(key) ?? { status: 404, body: { error: { code: 'NOT_FOUND', message: `no route ${key}`, action: 'Check the address.' } } };
      response.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  setPageUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  return {
    routes,
    requests,
    answer: (route: string, body: unknown, status = 200) => routes.set(route, { status, body }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Types into an input the way a person does: the value changes and an input event bubbles. */
export function typeInto(input: HTMLInputElement, value: string): void {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function choose(select: HTMLSelectElement, value: string): void {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Lets the page's fetches and the renders after them run. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 5; round += 1) await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
}
