import { describe, expect, it } from 'vitest';
import type { HistoryResponse } from '../../shared/api.ts';
import { createStorage, type KeyValueStore } from '../../web/storage.ts';
import { cashout } from './cashout-fixture.ts';

/** A key-value store in memory that keeps every value ever written, to inspect what would reach the disk. */
function recordingStore() {
  const values = new Map<string, unknown>();
  const written: string[] = [];
  const kv: KeyValueStore = {
    get: async (key) => values.get(key),
    set: async (key, value) => {
      written.push(JSON.stringify(value));
      values.set(key, structuredClone(value));
    },
    delete: async (key) => {
      values.delete(key);
    },
  };
  return { kv, written };
}

const code = '1234567890123456789012345678';

/** A history holds what was paid out. */
const confirmed = cashout({ status: 'confirmed', confirmedAt: '2026-11-26T10:01:00.000Z' });

describe('device storage', () => {
  it('remembers and forgets the cash-out in progress', async () => {
    const storage = createStorage(recordingStore().kv);
    expect(await storage.currentCashoutId()).toBeNull();
    await storage.rememberCurrentCashout('c-7');
    expect(await storage.currentCashoutId()).toBe('c-7');
    await storage.forgetCurrentCashout();
    expect(await storage.currentCashoutId()).toBeNull();
  });

  it('writes only the listed fields of a history, so a code that slipped into an answer never reaches the disk', async () => {
    const { kv, written } = recordingStore();
    const storage = createStorage(kv);
    const leaky = {
      date: '2026-11-26',
      cashouts: [{ ...confirmed, code, reservationCode: code }],
      totals: [{ currency: 'EUR', count: 1, amount: '50.00', code }],
      code,
    } as unknown as HistoryResponse;
    await storage.cacheHistory('ona', leaky);
    await storage.rememberCurrentCashout('c-1');

    expect(written.length).toBe(2);
    for (const value of written) expect(value).not.toContain(code);
    const cached = await storage.cachedHistory('ona', '2026-11-26');
    expect(cached?.cashouts[0]).toMatchObject({ id: 'c-1', amount: '50.00', status: 'confirmed' });
    expect(cached?.totals).toEqual([{ currency: 'EUR', count: 1, amount: '50.00' }]);
  });

  it('gives the cached history back only to the same cashier for the same day', async () => {
    const storage = createStorage(recordingStore().kv);
    await storage.cacheHistory('ona', { date: '2026-11-26', cashouts: [confirmed], totals: [] });
    expect(await storage.cachedHistory('ona', '2026-11-26')).not.toBeNull();
    expect(await storage.cachedHistory('jonas', '2026-11-26')).toBeNull();
    expect(await storage.cachedHistory('ona', '2026-11-27')).toBeNull();
  });
});
