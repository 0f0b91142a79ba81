import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../server/simulator/index.ts';
import { defaultHolderName } from '../../../server/simulator/state-views.ts';
import { WalletApiFailure } from '../../../server/simulator/api-failure.ts';
import { generateNonce, signRequest } from '../../../server/wallet/mac.ts';
import { clientId, clients, macKey } from './signed-fetch.ts';

function simulator() {
  return createSimulator({ clients, controlEnabled: false, codeTtlSeconds: 30 });
}

const payment = { description: 'Cash withdrawal', price: 500, currency: 'EUR' };

describe('SimulatorState', () => {
  it('creates wallets with chosen or fresh ids and refuses bad balances and taken ids', () => {
    const { state } = simulator();
    expect(state.createWallet({ EUR: 1 }, { walletId: 5 })).toBe(5);
    const fresh = state.createWallet({});
    expect(fresh).not.toBe(5);
    expect(() => state.createWallet({}, { walletId: 5 })).toThrow(RangeError);
    expect(() => state.createWallet({ EUR: -1 })).toThrow(RangeError);
    expect(() => state.createWallet({ EUR: 0.5 })).toThrow(RangeError);
    expect(state.wallet(fresh)).toEqual({ id: fresh, holderName: defaultHolderName, balances: {}, held: {}, available: {} });
    expect(state.wallet(state.createWallet({}, { holderName: 'Eglė Named' }))?.holderName).toBe('Eglė Named');
  });

  it('issues codes only for existing wallets, with the configured default validity', () => {
    const { state, clock } = simulator();
    expect(() => state.issueCode(42)).toThrow(RangeError);
    const walletId = state.createWallet({ EUR: 1 });
    const before = clock.nowSeconds();
    const { expiresAt } = state.issueCode(walletId);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 30);
    expect(expiresAt).toBeLessThanOrEqual(clock.nowSeconds() + 30);
    expect(() => state.issueCode(walletId, 0)).toThrow(RangeError);
  });

  it('releases expired holds in every accessor, without any request', () => {
    const { state, clock } = simulator();
    const walletId = state.createWallet({ EUR: 1000 });
    const { key } = state.createTransaction([payment], 10);
    state.reserveWithCode(key, state.issueCode(walletId).code);
    expect(state.wallet(walletId)?.held.EUR).toBe(500);
    clock.advance(10);
    expect(state.wallet(walletId)).toMatchObject({ balances: { EUR: 1000 }, held: { EUR: 0 } });
    expect(state.transaction(key)).toMatchObject({ status: 'revoked', expired: true });
  });

  it('hands out copies, so callers cannot change its records', () => {
    const { state } = simulator();
    const { key } = state.createTransaction([{ ...payment, parameters: { n: 1 } }], 10);
    const view = state.transaction(key);
    if (!view) throw new Error('missing transaction');
    view.status = 'confirmed';
    (view.payments[0]?.parameters as { n: number }).n = 2;
    expect(state.transaction(key)).toMatchObject({ status: 'new', payments: [{ parameters: { n: 1 } }] });
  });

  it('refuses with the Wallet API failures', () => {
    const { state } = simulator();
    expect(() => state.getTransaction('missing')).toThrow(WalletApiFailure);
    const { key } = state.createTransaction([payment], 10);
    try {
      state.confirm(key);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ status: 409, error: 'invalid_state' });
    }
  });
});

describe('the app in-process', () => {
  it('verifies a request signed for the URL it was given (no Host header: port 80)', async () => {
    const { app } = simulator();
    const url = 'http://localhost/rest/v1/transactions?limit=1';
    const authorization = signRequest({ method: 'GET', url, clientId, macKey, ts: Math.floor(Date.now() / 1000), nonce: generateNonce() });
    const ok = await app.request(url, { headers: { authorization } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ transactions: [] });
    const wrongPort = signRequest({ method: 'GET', url: 'http://localhost:8080/rest/v1/transactions?limit=1', clientId, macKey, ts: Math.floor(Date.now() / 1000), nonce: generateNonce() });
    expect((await app.request(url, { headers: { authorization: wrongPort } })).status).toBe(401);
  });
});
