import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../server/simulator/index.ts';
import { createWalletClient } from '../../../server/wallet/client.ts';
import type { WalletClientOptions } from '../../../server/wallet/client.ts';
import { WalletError, WalletOutcomeUnknown } from '../../../server/wallet/errors.ts';
import type { WalletEvent } from '../../../server/wallet/transport.ts';

const clientId = 'kasa-sim';
const macKey = 'sim-mac-key-0123456789abcdefghij';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ clients: { [clientId]: macKey }, controlEnabled: true, port: 0 });
});

afterAll(async () => {
  await sim.close();
});

function wallet(overrides: Partial<WalletClientOptions> = {}) {
  return createWalletClient({
    baseUrl: sim.baseUrl,
    clientId,
    macKey,
    timeoutMs: 2000,
    sleep: async () => {},
    ...overrides,
  });
}

function cashout(amountCents: number, reserveForSeconds = 300) {
  return { amountCents, currency: 'EUR', description: 'Cash withdrawal', reserveForSeconds, operationId: `op-${amountCents}-${reserveForSeconds}` };
}

async function walletErrorOf(promise: Promise<unknown>): Promise<WalletError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WalletError)) throw new Error(`expected a WalletError, got ${String(error)}`);
  return error;
}

describe('wallet client against the simulator', () => {
  it('creates, reserves with a code, confirms and reads back a cash-out', async () => {
    const client = wallet();
    await client.syncClock();
    const walletId = sim.state.createWallet({ EUR: 50000 });
    const { code } = sim.state.issueCode(walletId);

    const created = await client.createTransaction(cashout(5000));
    expect(created).toMatchObject({ status: 'new', operationId: 'op-5000-300', payments: [{ priceCents: 5000, currency: 'EUR' }] });

    const reserved = await client.reserveWithCode(created.key, code);
    expect(reserved).toMatchObject({ key: created.key, status: 'reserved', walletId });

    const confirmed = await client.confirmTransaction(created.key);
    expect(confirmed.status).toBe('confirmed');

    const read = await client.getTransaction(created.key);
    expect(read).toMatchObject({ key: created.key, status: 'confirmed', walletId, operationId: 'op-5000-300' });
    expect(read.confirmedAt).toBeTypeOf('number');
    expect(sim.state.wallet(walletId)?.balances.EUR).toBe(45000);

    const listed = await client.listTransactions({ status: ['confirmed'] });
    expect(listed.map((t) => t.key)).toContain(created.key);
  });

  it('maps an unknown code to INVALID_CODE', async () => {
    const client = wallet();
    const created = await client.createTransaction(cashout(1000));
    const error = await walletErrorOf(client.reserveWithCode(created.key, '0000000000000000000000000001'));
    expect([error.code, error.walletError, error.description]).toEqual(['INVALID_CODE', 'invalid_request', 'Invalid reservation code']);
    expect(error.message).not.toContain('0000000000000000000000000001');
  });

  it('maps a wallet without enough money to INSUFFICIENT_FUNDS', async () => {
    const client = wallet();
    const walletId = sim.state.createWallet({ EUR: 999 });
    const { code } = sim.state.issueCode(walletId);
    const created = await client.createTransaction(cashout(1000));
    expect((await walletErrorOf(client.reserveWithCode(created.key, code))).code).toBe('INSUFFICIENT_FUNDS');
  });

  it('maps an expired code to CODE_EXPIRED', async () => {
    const client = wallet();
    const walletId = sim.state.createWallet({ EUR: 50000 });
    const { code, expiresAt } = sim.state.issueCode(walletId, 60);
    const created = await client.createTransaction(cashout(1000));
    sim.clock.advance(expiresAt - sim.clock.nowSeconds());
    await client.syncClock();
    expect((await walletErrorOf(client.reserveWithCode(created.key, code))).code).toBe('CODE_EXPIRED');
  });

  it('a confirm whose answer is lost after commit is an unknown outcome, and the read shows it confirmed', async () => {
    const client = wallet();
    await client.syncClock();
    const walletId = sim.state.createWallet({ EUR: 50000 });
    const { code } = sim.state.issueCode(walletId);
    const created = await client.createTransaction(cashout(2000));
    await client.reserveWithCode(created.key, code);

    sim.state.addFault({ endpoint: 'confirm', kind: 'drop_after' });
    const error = await client.confirmTransaction(created.key).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WalletOutcomeUnknown);
    expect((error as WalletOutcomeUnknown).operation).toBe('confirm');
    expect(sim.state.transaction(created.key)?.confirmCount).toBe(1);
    expect((await client.getTransaction(created.key)).status).toBe('confirmed');
  });

  it('a reservation left past its hold is released: revoked, money available again', async () => {
    const client = wallet();
    await client.syncClock();
    const walletId = sim.state.createWallet({ EUR: 50000 });
    const { code } = sim.state.issueCode(walletId);
    const created = await client.createTransaction(cashout(3000, 60));
    await client.reserveWithCode(created.key, code);
    expect(sim.state.wallet(walletId)?.available.EUR).toBe(47000);

    sim.clock.advance(61);
    await client.syncClock();
    expect((await client.getTransaction(created.key)).status).toBe('revoked');
    expect(sim.state.wallet(walletId)).toMatchObject({ balances: { EUR: 50000 }, available: { EUR: 50000 } });
  });

  it('a clock ten minutes off is resynced once and the call succeeds', async () => {
    const events: WalletEvent[] = [];
    const client = wallet({ onEvent: (e) => events.push(e) });
    await client.syncClock();
    const created = await client.createTransaction(cashout(4000));
    events.length = 0;

    sim.clock.advance(600);
    const read = await client.getTransaction(created.key);
    expect(read.key).toBe(created.key);
    expect(events.map((e) => [e.op, e.error ?? 'ok'])).toEqual([
      ['get', 'invalid_timestamp'],
      ['server', 'ok'],
      ['get', 'ok'],
    ]);
    expect(client.clockOffsetSeconds()).toBeGreaterThanOrEqual(600);
  });

  it('a wrong MAC key is a configuration problem, not an invalid code', async () => {
    const good = wallet();
    const created = await good.createTransaction(cashout(500));
    const walletId = sim.state.createWallet({ EUR: 50000 });
    const { code } = sim.state.issueCode(walletId);
    const error = await walletErrorOf(wallet({ macKey: 'not-the-key' }).reserveWithCode(created.key, code));
    expect(error.code).toBe('WALLET_MISCONFIGURED');
    expect(sim.state.transaction(created.key)?.status).toBe('new');
  });

  it("reads the holder's name of the wallet behind a reservation", async () => {
    const client = wallet();
    const walletId = sim.state.createWallet({ EUR: 50000 }, { holderName: 'Jonas Jonaitis' });
    const { code } = sim.state.issueCode(walletId);
    const created = await client.createTransaction(cashout(700));
    const reserved = await client.reserveWithCode(created.key, code);
    expect(reserved.walletId).toBe(walletId);
    expect(await client.getWallet(walletId)).toEqual({ id: walletId, holderName: 'Jonas Jonaitis' });
  });

  it('a refused wallet read is a WalletError, tried once', async () => {
    const events: WalletEvent[] = [];
    const client = wallet({ onEvent: (event) => events.push(event) });
    await client.syncClock();
    const walletId = sim.state.createWallet({ EUR: 1 });
    sim.state.addFault({ endpoint: 'wallet', kind: 'refuse' });
    const error = await walletErrorOf(client.getWallet(walletId));
    expect(error).toMatchObject({ httpStatus: 403, walletError: 'forbidden' });
    sim.state.addFault({ endpoint: 'wallet', kind: 'error', status: 503 });
    await expect(client.getWallet(walletId)).rejects.toBeInstanceOf(WalletOutcomeUnknown);
    expect(events.filter((e) => e.op === 'wallet').map((e) => e.status)).toEqual([403, 503]);
  });
});
