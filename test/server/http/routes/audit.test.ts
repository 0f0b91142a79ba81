import type { AuditVerifyResponse } from '../../../../shared/api.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDay } from '../test-clock.ts';
import { call, errorOf, payOut, signIn, startHarness, users, type Harness } from '../harness.ts';

let h: Harness;
let supervisor = '';
let code = '';

interface AuditJson {
  events: { seq: number; actor: string; action: string; amount: string | null; hash: string }[];
}

beforeAll(async () => {
  h = await startHarness();
  const anna = await signIn(h, users.cashier);
  supervisor = await signIn(h, users.supervisor);
  await payOut(h, anna, '42.00');
  // One more reservation, to find its code nowhere in the audit trail afterwards.
  const created = await call(h, 'POST', '/api/cashouts', { cookie: anna, body: { amount: '7.00', currency: 'EUR' } });
  const { id } = (await created.json()) as { id: string };
  code = h.simulator.state.issueCode(h.walletId).code;
  await call(h, 'POST', `/api/cashouts/${id}/reserve`, { cookie: anna, body: { code } });
});
afterAll(async () => {
  await h?.close();
});

describe('GET /api/audit', () => {
  it("lists today's events by default, in the API shape", async () => {
    const response = await call(h, 'GET', '/api/audit', { cookie: supervisor });
    expect(response.status).toBe(200);
    const body = (await response.json()) as AuditJson;
    expect(body.events.length).toBeGreaterThanOrEqual(4);
    expect(body.events.some((e) => e.amount === '42.00' && e.actor === users.cashier)).toBe(true);
    const seqs = body.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('takes dates and ISO times as bounds', async () => {
    const today = testDay;
    const byDate = (await (await call(h, 'GET', `/api/audit?from=${today}&to=${today}`, { cookie: supervisor })).json()) as AuditJson;
    expect(byDate.events.length).toBeGreaterThan(0);
    const past = (await (await call(h, 'GET', '/api/audit?from=2001-01-01T00:00:00Z&to=2001-01-02T00:00:00Z', { cookie: supervisor })).json()) as AuditJson;
    expect(past.events).toEqual([]);
  });

  it('refuses malformed or reversed bounds', async () => {
    for (const query of ['from=last-week', 'from=2026-11-27&to=2026-11-26', 'to=2026-13-01']) {
      const response = await call(h, 'GET', `/api/audit?${query}`, { cookie: supervisor });
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject({ code: 'INVALID_INPUT' });
    }
  });
});

describe('GET /api/audit.csv', () => {
  it('streams RFC 4180 CSV with a header row and one row per event', async () => {
    const json = (await (await call(h, 'GET', '/api/audit', { cookie: supervisor })).json()) as AuditJson;
    const response = await call(h, 'GET', '/api/audit.csv', { cookie: supervisor });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="kasa-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const text = await response.text();
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines[0]).toBe('seq,at,actor,action,cashoutId,amount,currency,transactionKey,outcome,walletError,prevHash,hash');
    expect(lines).toHaveLength(json.events.length + 1);
    const first = json.events[0];
    expect(lines[1]?.startsWith(`${first?.seq},`)).toBe(true);
    expect(lines[1]?.endsWith(`,${first?.hash}`)).toBe(true);
    expect(text).toContain(',42.00,EUR,');
  });

  it('never contains a reservation code', async () => {
    const text = await (await call(h, 'GET', '/api/audit.csv', { cookie: supervisor })).text();
    expect(text).not.toContain(code);
  });
});

describe('GET /api/audit/verify', () => {
  it('confirms an intact chain', async () => {
    const response = await call(h, 'GET', '/api/audit/verify', { cookie: supervisor });
    const body = (await response.json()) as { ok: boolean; count: number; firstBadSeq: number | null };
    expect(body).toMatchObject({ ok: true, firstBadSeq: null });
    expect(body.count).toBeGreaterThanOrEqual(4);
  });

  it('checks a recorded head: still there with its hash, or says it is missing or differs', async () => {
    const { head } = (await (await call(h, 'GET', '/api/audit/verify', { cookie: supervisor })).json()) as AuditVerifyResponse;
    if (!head) throw new Error('the chain has no head');
    const at = (seq: number, hash: string) => call(h, 'GET', `/api/audit/verify?seq=${seq}&hash=${hash}`, { cookie: supervisor });
    expect(await (await at(head.seq, head.hash)).json()).toMatchObject({ ok: true, anchor: 'matches' });
    expect(await (await at(head.seq + 1000, head.hash)).json()).toMatchObject({ ok: false, anchor: 'missing' });
    expect(await (await at(head.seq, 'a'.repeat(64))).json()).toMatchObject({ ok: false, anchor: 'differs' });
  });

  it('refuses half an anchor or a malformed one in the one error shape', async () => {
    for (const query of ['seq=3', `hash=${'a'.repeat(64)}`, `seq=0&hash=${'a'.repeat(64)}`, 'seq=3&hash=XYZ']) {
      const response = await call(h, 'GET', `/api/audit/verify?${query}`, { cookie: supervisor });
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('seq and hash') });
    }
  });
});


describe('bounded audit reads', () => {
  interface PageJson extends AuditJson {
    next: number | null;
  }
  const page = async (query: string) => (await (await call(h, 'GET', `/api/audit?${query}`, { cookie: supervisor })).json()) as PageJson;

  beforeAll(async () => {
    for (let i = 0; i < 1_050; i += 1) await h.store.appendAudit({ actor: 'system', action: 'test.fill', outcome: 'ok' });
  });

  it('lists a page at a time, 200 events by default, with the cursor of the next page', async () => {
    const first = await page('');
    expect(first.events).toHaveLength(200);
    expect(first.next).toBe(first.events.at(-1)?.seq);
    const seqs: number[] = [];
    let after = 0;
    for (let pages = 0; pages < 10; pages += 1) {
      const next = await page(`after=${after}&limit=1000`);
      expect(next.events.length).toBeLessThanOrEqual(1000);
      seqs.push(...next.events.map((event) => event.seq));
      if (next.next === null) break;
      after = next.next;
    }
    expect(seqs.length).toBeGreaterThan(1_050);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('refuses a page larger than 1000 events, or a malformed cursor, in the one error shape', async () => {
    for (const query of ['limit=1001', 'limit=0', 'limit=many', 'after=-1', 'after=next']) {
      const response = await call(h, 'GET', `/api/audit?${query}`, { cookie: supervisor });
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^(limit|after) is/) });
    }
  });

  it('exports more events than one database page holds, all of them', async () => {
    const text = await (await call(h, 'GET', '/api/audit.csv', { cookie: supervisor })).text();
    const lines = text.slice(0, -2).split('\r\n');
    const seqs = lines.slice(1).map((line) => Number(line.split(',')[0]));
    expect(seqs.length).toBeGreaterThan(1_050);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });

  it('refuses an export longer than 31 days, and accepts 31', async () => {
    const long = await call(h, 'GET', '/api/audit.csv?from=2026-01-01&to=2026-02-01', { cookie: supervisor });
    expect(long.status).toBe(400);
    expect(await errorOf(long)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('at most 31 days') });
    const month = await call(h, 'GET', '/api/audit.csv?from=2026-01-01&to=2026-01-31', { cookie: supervisor });
    expect(month.status).toBe(200);
    await month.text();
  });

  it('verifies from a recorded head: only the rows since, and says where it started', async () => {
    const full = (await (await call(h, 'GET', '/api/audit/verify', { cookie: supervisor })).json()) as AuditVerifyResponse;
    expect(full).toMatchObject({ ok: true, from: 1 });
    const [recorded] = (await page('after=1000&limit=1')).events;
    if (!recorded || !full.head) throw new Error('no rows');
    const since = await call(h, 'GET', `/api/audit/verify?seq=${recorded.seq}&hash=${recorded.hash}`, { cookie: supervisor });
    expect(await since.json()).toEqual({ ok: true, from: recorded.seq, count: full.head.seq - recorded.seq + 1, firstBadSeq: null, head: full.head, anchor: 'matches' });
  });
});
