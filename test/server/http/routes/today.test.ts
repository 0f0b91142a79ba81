import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cashout, DailyReport, HistoryResponse } from '../../../../shared/api.ts';
import { call, payOut, signIn, startHarness, users, type Harness } from '../harness.ts';

/** The injected clock, set by each step; the real time of day never reaches the routes. */
let clock = 0;
const lastMoment = new Date(2026, 10, 26, 23, 59, 59, 999).getTime();
const nextMidnight = lastMoment + 1;

let h: Harness;
let supervisor = '';
let paid: Cashout;

beforeAll(async () => {
  clock = lastMoment;
  h = await startHarness({ now: () => clock });
  const cashier = await signIn(h, users.cashier);
  supervisor = await signIn(h, users.supervisor);
  paid = await payOut(h, cashier, '23.59');
});
afterAll(async () => {
  await h?.close();
});

async function defaults(): Promise<{ history: HistoryResponse; report: DailyReport; audit: { from: string; to: string; events: { cashoutId: string | null }[] } }> {
  const get = async (path: string) => (await call(h, 'GET', path, { cookie: supervisor })).json();
  return {
    history: (await get('/api/cashouts')) as HistoryResponse,
    report: (await get('/api/reports/daily')) as DailyReport,
    audit: (await get('/api/audit')) as { from: string; to: string; events: { cashoutId: string | null }[] },
  };
}

describe('"today" when a request names no day', () => {
  it('is the day of the injected clock at its last millisecond, with what was paid out in it', async () => {
    expect(new Date(paid.createdAt).getTime()).toBe(lastMoment);
    clock = lastMoment;
    const { history, report, audit } = await defaults();
    expect(history.date).toBe('2026-11-26');
    expect(history.cashouts.map((c) => c.id)).toEqual([paid.id]);
    expect(report).toMatchObject({ date: '2026-11-26', totals: [{ currency: 'EUR', count: 1, amount: '23.59' }] });
    expect(audit.from).toBe(new Date(2026, 10, 26).toISOString());
    expect(audit.to).toBe(new Date(nextMidnight).toISOString());
    expect(audit.events.some((event) => event.cashoutId === paid.id)).toBe(true);
  });

  it('turns to the next day one millisecond later, and that day is empty', async () => {
    clock = nextMidnight;
    const { history, report, audit } = await defaults();
    expect(history).toEqual({ date: '2026-11-27', cashouts: [], totals: [] });
    expect(report).toEqual({ date: '2026-11-27', rows: [], totals: [] });
    expect(audit.from).toBe(new Date(nextMidnight).toISOString());
    expect(audit.events).toEqual([]);
  });
});
