import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHealthCheck } from '../../../../server/health.ts';
import { createApp } from '../../../../server/http/app.ts';
import { createWalletClient } from '../../../../server/wallet/client.ts';
import { testDay } from '../test-clock.ts';
import type { Cashout } from '../../../../shared/api.ts';
import { call, errorOf, password, payOut, signIn, startHarness, users, type Harness } from '../harness.ts';
import { config as demoConfig } from '../../../web/cashout-fixture.ts';

let h: Harness;
let cashier = '';
let otherCashier = '';
let supervisor = '';

beforeAll(async () => {
  h = await startHarness();
  cashier = await signIn(h, users.cashier);
  otherCashier = await signIn(h, users.otherCashier);
  supervisor = await signIn(h, users.supervisor);
});
afterAll(async () => {
  await h?.close();
});

async function create(cookie: string, amount: string): Promise<Cashout> {
  const response = await call(h, 'POST', '/api/cashouts', { cookie, body: { amount, currency: 'EUR' } });
  expect(response.status).toBe(201);
  return (await response.json()) as Cashout;
}

describe('the cash-out flow over HTTP', () => {
  it('create → reserve → confirm moves the money and answers in the API shape', async () => {
    const before = h.simulator.state.wallet(h.walletId)?.balances.EUR ?? 0;
    const created = await create(cashier, '50.00');
    expect(created).toMatchObject({
      status: 'created',
      amount: '50.00',
      currency: 'EUR',
      cashier: users.cashier,
      approvalRequired: false,
      approvedBy: null,
      confirmedAt: null,
      attemptsLeft: 3,
    });
    expect(created.transactionKey).toEqual(expect.any(String));
    expect(created).not.toHaveProperty('error');

    const { code } = h.simulator.state.issueCode(h.walletId);
    const reserved = await call(h, 'POST', `/api/cashouts/${created.id}/reserve`, { cookie: cashier, body: { code: ` ${code.slice(0, 14)} ${code.slice(14)} ` } });
    expect(reserved.status).toBe(200);
    expect(await reserved.json()).toMatchObject({ status: 'reserved', expiresAt: expect.any(String) });

    const confirmed = await call(h, 'POST', `/api/cashouts/${created.id}/confirm`, { cookie: cashier, body: { identityChecks: ['document', 'photo'] } });
    expect(confirmed.status).toBe(200);
    const body = (await confirmed.json()) as Cashout;
    expect(body.status).toBe('confirmed');
    expect(Date.parse(body.confirmedAt ?? '')).not.toBeNaN();
    expect(h.simulator.state.wallet(h.walletId)?.balances.EUR).toBe(before - 5000);
    expect(h.simulator.state.transaction(created.transactionKey ?? '')?.status).toBe('confirmed');

    const read = await call(h, 'GET', `/api/cashouts/${created.id}`, { cookie: cashier });
    expect(await read.json()).toEqual(body);
  });

  it('confirm needs every identity check named, and refuses the old constant flag', async () => {
    const created = await create(cashier, '5.00');
    const { code } = h.simulator.state.issueCode(h.walletId);
    expect((await call(h, 'POST', `/api/cashouts/${created.id}/reserve`, { cookie: cashier, body: { code } })).status).toBe(200);
    for (const body of [{ identityChecked: true }, {}, { identityChecks: [] }, { identityChecks: ['document'] }, { identityChecks: ['photo', 'photo'] }]) {
      const response = await call(h, 'POST', `/api/cashouts/${created.id}/confirm`, { cookie: cashier, body });
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject({ code: 'INVALID_INPUT', message: "Check the customer's identity first." });
    }
    for (const body of [{ identityChecks: ['document', 'photo', 'photo'] }, { identityChecks: ['document', 'fingerprint'] }]) {
      const response = await call(h, 'POST', `/api/cashouts/${created.id}/confirm`, { cookie: cashier, body });
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(h.simulator.state.transaction(created.transactionKey ?? '')).toMatchObject({ status: 'reserved', confirmCount: 0 });
    const audited = (await h.store.listAudit(0, Number.MAX_SAFE_INTEGER)).filter((row) => row.cashoutId === created.id).map((row) => row.action);
    expect(audited).not.toContain('cashout.identity_checked');

    const confirmed = await call(h, 'POST', `/api/cashouts/${created.id}/confirm`, { cookie: cashier, body: { identityChecks: ['photo', 'document'] } });
    expect(await confirmed.json()).toMatchObject({ status: 'confirmed' });
    const trail = (await h.store.listAudit(0, Number.MAX_SAFE_INTEGER)).filter((row) => row.cashoutId === created.id).slice(-2);
    expect(trail).toMatchObject([
      { actor: users.cashier, action: 'cashout.identity_checked', outcome: 'document,photo', amountCents: 500, transactionKey: created.transactionKey },
      { actor: users.cashier, action: 'cashout.confirm', outcome: 'confirmed' },
    ]);
    expect((await h.store.verifyAudit()).ok).toBe(true);
  });

  it('an amount at the threshold needs a supervisor; the cashier cannot approve with their own password', async () => {
    const created = await create(cashier, '300.00');
    expect(created.approvalRequired).toBe(true);
    const { code } = h.simulator.state.issueCode(h.walletId);
    expect((await call(h, 'POST', `/api/cashouts/${created.id}/reserve`, { cookie: cashier, body: { code } })).status).toBe(200);

    const early = await call(h, 'POST', `/api/cashouts/${created.id}/confirm`, { cookie: cashier, body: { identityChecks: ['document', 'photo'] } });
    expect(early.status).toBe(403);
    expect(await errorOf(early)).toMatchObject({ code: 'APPROVAL_REQUIRED' });

    const own = await call(h, 'POST', `/api/cashouts/${created.id}/approve`, { cookie: cashier, body: { username: users.cashier, password } });
    expect(own.status).toBe(403);
    expect(await errorOf(own)).toMatchObject({ code: 'FORBIDDEN' });

    const wrong = await call(h, 'POST', `/api/cashouts/${created.id}/approve`, { cookie: cashier, body: { username: users.supervisor, password: 'wrong-password' } });
    expect(wrong.status).toBe(401);
    expect(await errorOf(wrong)).toMatchObject({ code: 'INVALID_CREDENTIALS' });

    const approved = await call(h, 'POST', `/api/cashouts/${created.id}/approve`, { cookie: cashier, body: { username: users.supervisor, password } });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'reserved', approvedBy: users.supervisor });

    const confirmed = await call(h, 'POST', `/api/cashouts/${created.id}/confirm`, { cookie: cashier, body: { identityChecks: ['document', 'photo'] } });
    expect(await confirmed.json()).toMatchObject({ status: 'confirmed', approvedBy: users.supervisor });
  });

  it('a supervisor cannot approve a cash-out they run themselves', async () => {
    const created = await create(supervisor, '400.00');
    const { code } = h.simulator.state.issueCode(h.walletId);
    await call(h, 'POST', `/api/cashouts/${created.id}/reserve`, { cookie: supervisor, body: { code } });
    const self = await call(h, 'POST', `/api/cashouts/${created.id}/approve`, { cookie: supervisor, body: { username: users.supervisor, password } });
    expect(self.status).toBe(403);
    expect(await errorOf(self)).toMatchObject({ code: 'SELF_APPROVAL' });
  });

  it('a wrong code is refused with INVALID_CODE and costs an attempt', async () => {
    const created = await create(cashier, '20.00');
    const response = await call(h, 'POST', `/api/cashouts/${created.id}/reserve`, { cookie: cashier, body: { code: '0000000000000000000000000001' } });
    expect(response.status).toBe(422);
    expect(await errorOf(response)).toMatchObject({ code: 'INVALID_CODE' });
    const read = await call(h, 'GET', `/api/cashouts/${created.id}`, { cookie: cashier });
    expect(await read.json()).toMatchObject({ status: 'created', attemptsLeft: 2 });
  });

  it('cancel revokes at Paysera', async () => {
    const created = await create(cashier, '30.00');
    const { code } = h.simulator.state.issueCode(h.walletId);
    await call(h, 'POST', `/api/cashouts/${created.id}/reserve`, { cookie: cashier, body: { code } });
    const cancelled = await call(h, 'POST', `/api/cashouts/${created.id}/cancel`, { cookie: cashier });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect(h.simulator.state.transaction(created.transactionKey ?? '')?.status).toBe('revoked');
  });

  it("keeps a cashier out of another cashier's cash-out", async () => {
    const created = await create(cashier, '15.00');
    const response = await call(h, 'GET', `/api/cashouts/${created.id}`, { cookie: otherCashier });
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await call(h, 'GET', `/api/cashouts/${created.id}`, { cookie: supervisor })).status).toBe(200);
  });

  it('404 for an unknown cash-out', async () => {
    const response = await call(h, 'GET', '/api/cashouts/does-not-exist', { cookie: cashier });
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('history', () => {
  it("lists today's cash-outs: a cashier their own, a supervisor everyone's, with confirmed totals", async () => {
    const mine = await payOut(h, otherCashier, '12.34');
    const today = testDay;

    const own = await call(h, 'GET', `/api/cashouts?date=${today}`, { cookie: otherCashier });
    expect(own.status).toBe(200);
    const ownBody = (await own.json()) as { date: string; cashouts: Cashout[]; totals: unknown[] };
    expect(ownBody.date).toBe(today);
    expect(ownBody.cashouts.map((c) => c.id)).toEqual([mine.id]);
    expect(ownBody.totals).toEqual([{ currency: 'EUR', count: 1, amount: '12.34' }]);

    const all = (await (await call(h, 'GET', '/api/cashouts', { cookie: supervisor })).json()) as { cashouts: Cashout[] };
    expect(new Set(all.cashouts.map((c) => c.cashier))).toEqual(new Set([users.cashier, users.otherCashier, users.supervisor]));
  });

  it('is empty for another day and refuses a malformed or impossible date', async () => {
    const other = await call(h, 'GET', '/api/cashouts?date=2001-01-01', { cookie: cashier });
    expect(await other.json()).toEqual({ date: '2001-01-01', cashouts: [], totals: [] });
    for (const date of ['26.11.2026', '2026-02-30']) {
      const response = await call(h, 'GET', `/api/cashouts?date=${date}`, { cookie: cashier });
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject({ code: 'INVALID_INPUT' });
    }
  });
});

describe('config', () => {
  it('tells the PWA the limits, currencies and demo flag', async () => {
    const response = await call(h, 'GET', '/api/config', { cookie: cashier });
    expect(await response.json()).toEqual(demoConfig);
  });
});

describe('health', () => {
  it('reports the mode and a reachable wallet without a session', async () => {
    const response = await call(h, 'GET', '/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      mode: 'demo',
      wallet: { reachable: true, clockOffsetSeconds: expect.any(Number) },
      database: { reachable: true, latencyMs: expect.any(Number) },
    });
  });

  it('reports an unreachable wallet', async () => {
    // Nothing listens on port 1 of loopback: the connection is refused at once.
    const unreachable = createWalletClient({ baseUrl: 'http://127.0.0.1:1/rest/v1/', clientId: 'x', macKey: 'y', timeoutMs: 500 });
    const app = createApp({ ...h.deps, health: createHealthCheck(unreachable, h.store, 'live') });
    const response = await call({ app }, 'GET', '/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: false,
      mode: 'live',
      wallet: { reachable: false, clockOffsetSeconds: 0 },
      database: { reachable: true, latencyMs: expect.any(Number) },
    });
  });
});

describe('health with the database gone', () => {
  it('answers 503 with reachable: false once the store is closed underneath', async () => {
    const gone = await startHarness();
    try {
      await gone.store.close();
      const response = await call(gone, 'GET', '/api/health');
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ ok: false, wallet: { reachable: true }, database: { reachable: false, latencyMs: null } });
    } finally {
      await gone.close();
    }
  });
});
