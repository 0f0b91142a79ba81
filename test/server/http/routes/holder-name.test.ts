import { describe, expect, it } from 'vitest';
import type { Cashout } from '../../../../shared/api.ts';
import { call } from '../harness.ts';
import { cashier, h } from '../signed-in-cashier.ts';

/** The account holder's name rides on the reserve answer and on a read while reserved, and nowhere else. */

const holderName = 'Vaida Vardenytė';

async function reserved(): Promise<{ created: Cashout; reserve: Response }> {
  const walletId = h.simulator.state.createWallet({ EUR: 100_000 }, { holderName });
  const { code } = h.simulator.state.issueCode(walletId);
  const response = await call(h, 'POST', '/api/cashouts', { cookie: cashier, body: { amount: '20.00', currency: 'EUR' } });
  const created = (await response.json()) as Cashout;
  return { created, reserve: await call(h, 'POST', `/api/cashouts/${created.id}/reserve`, { cookie: cashier, body: { code } }) };
}

async function read(id: string): Promise<Cashout> {
  return (await (await call(h, 'GET', `/api/cashouts/${id}`, { cookie: cashier })).json()) as Cashout;
}

describe('holderName on the cash-out JSON', () => {
  it('the reserve answer and a read while reserved carry the name; create, confirm and history do not', async () => {
    const { created, reserve } = await reserved();
    expect(created).not.toHaveProperty('holderName');
    expect(reserve.status).toBe(200);
    expect(await reserve.json()).toMatchObject({ status: 'reserved', holderName });
    expect((await read(created.id)).holderName).toBe(holderName);

    const confirmed = await call(h, 'POST', `/api/cashouts/${created.id}/confirm`, { cookie: cashier, body: { identityChecks: ['document', 'photo'] } });
    expect(await confirmed.json()).not.toHaveProperty('holderName');
    expect(await read(created.id)).not.toHaveProperty('holderName');
    const history = await (await call(h, 'GET', '/api/cashouts', { cookie: cashier })).text();
    expect(history).not.toContain(holderName);
  });

  it('a refused wallet read gives holderName null and the payout goes on', async () => {
    h.simulator.state.addFault({ endpoint: 'wallet', kind: 'refuse' });
    const { created, reserve } = await reserved();
    expect(reserve.status).toBe(200);
    expect(await reserve.json()).toMatchObject({ status: 'reserved', holderName: null });
    const confirmed = await call(h, 'POST', `/api/cashouts/${created.id}/confirm`, { cookie: cashier, body: { identityChecks: ['document', 'photo'] } });
    expect(await confirmed.json()).toMatchObject({ status: 'confirmed' });
  });

  it('never reaches the log or the audit trail (the at-rest suite searches the SQLite file)', async () => {
    await reserved();
    expect(h.logLines.join('')).not.toContain(holderName);
    const audit = await h.store.listAudit(0, Number.MAX_SAFE_INTEGER);
    expect(JSON.stringify(audit)).not.toContain(holderName);
  });
});
