import { act } from 'preact/test-utils';
import { shift as shiftSchema, zReport as zReportSchema, type Shift, type ZReport } from '../../shared/desk-api.ts';
import { type Answer, startLoopbackApi } from './loopback-api.ts';

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

/**
 * The page's API on loopback, answering each request from `routes` ("GET /api/shifts/current" →
 * answer); unknown routes get a 404 in the error shape.
 */
export async function startDeskServer() {
  const routes = new Map<string, Answer>();
  const api = await startLoopbackApi(({ method, url }) => {
    const key = `${method} ${url}`;
    return routes.get(key) ?? { status: 404, body: { error: { code: 'NOT_FOUND', message: `no route ${key}`, action: 'Check the address.' } } };
  });
  return {
    routes,
    requests: api.requests,
    answer: (route: string, body: unknown, status = 200) => routes.set(route, { status, body }),
    close: api.close,
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
