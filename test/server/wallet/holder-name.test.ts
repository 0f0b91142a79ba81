import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/log.ts';
import { startSimulator, type RunningSimulator } from '../../../server/simulator/index.ts';
import { createWalletClient } from '../../../server/wallet/client.ts';
import { createHolderNameReader } from '../../../server/wallet/holder-name.ts';
import { linesSink } from '../../support/lines-sink.ts';

const clientId = 'kasa-holder';
const macKey = 'holder-mac-key-0123456789abcdefgh';
const holderName = 'Gintarė Holderytė';

let sim: RunningSimulator;
const logLines: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({ clients: { [clientId]: macKey }, controlEnabled: false, port: 0 });
});

afterAll(async () => {
  await sim.close();
});

function reader(budgetMs?: number) {
  const wallet = createWalletClient({ baseUrl: sim.baseUrl, clientId, macKey, timeoutMs: 2000, sleep: async () => {} });
  const log = createLogger({
    level: 'debug',
    destination: linesSink(logLines),
  });
  return { wallet, read: createHolderNameReader(wallet, log, budgetMs) };
}

async function reservedKey(wallet: ReturnType<typeof reader>['wallet']): Promise<string> {
  const walletId = sim.state.createWallet({ EUR: 10_000 }, { holderName });
  const { code } = sim.state.issueCode(walletId);
  const created = await wallet.createTransaction({ amountCents: 1000, currency: 'EUR', description: 'Cash withdrawal', reserveForSeconds: 300, operationId: 'op-holder' });
  await wallet.reserveWithCode(created.key, code);
  return created.key;
}

describe('holder name reader', () => {
  it('finds the name of the wallet behind a reserved transaction', async () => {
    const { wallet, read } = reader();
    expect(await read(await reservedKey(wallet))).toBe(holderName);
  });

  it('signs both reads for the cash-out’s location when it has one', async () => {
    const { wallet, read } = reader();
    const key = await reservedKey(wallet);
    const mark = sim.signedCalls.calls.length;
    expect(await read(key, 'LOC-7')).toBe(holderName);
    expect(await read(key, null)).toBe(holderName);
    expect(sim.signedCalls.calls.slice(mark).map((call) => [call.operation, call.ext.location_id ?? null])).toEqual([
      ['get', 'LOC-7'],
      ['wallet', 'LOC-7'],
      ['get', null],
      ['wallet', null],
    ]);
  });

  it('gives null when Paysera refuses the wallet read, and logs the refusal without any name', async () => {
    const { wallet, read } = reader();
    const key = await reservedKey(wallet);
    sim.state.addFault({ endpoint: 'wallet', kind: 'refuse' });
    logLines.length = 0;
    expect(await read(key)).toBeNull();
    expect(logLines.join('')).toContain('account holder name not available');
    expect(logLines.join('')).not.toContain(holderName);
  });

  it('gives null for a transaction not reserved (no wallet yet) and for an unknown one', async () => {
    const { wallet, read } = reader();
    const created = await wallet.createTransaction({ amountCents: 1000, currency: 'EUR', description: 'Cash withdrawal', reserveForSeconds: 300, operationId: 'op-new' });
    expect(await read(created.key)).toBeNull();
    expect(await read('AAAAAAAAAAAAAAAAAAAA')).toBeNull();
  });

  it('gives null when the reads do not finish within the budget, so a slow Paysera does not hold up the verify screen', async () => {
    const { wallet, read } = reader(100);
    const key = await reservedKey(wallet);
    sim.state.addFault({ endpoint: 'wallet', kind: 'latency', ms: 1500 });
    logLines.length = 0;
    expect(await read(key)).toBeNull();
    expect(logLines.join('')).toContain('not available in time');
    expect(sim.state.faults().at(-1)?.fired).toBe(1);
  });
});
