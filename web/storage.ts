import { openDB } from 'idb';
import type { Cashout, HistoryResponse, Total } from '../shared/api.ts';

/**
 * What the PWA keeps on the device: the id of the cash-out in progress (so a reload resumes it
 * from the server's state) and today's history for a quick first paint. Only listed fields are
 * written, so nothing the server might add — and never a code or a password — reaches the disk.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

const currentKey = 'current-cashout';
const historyKey = 'history';

type StoredCashout = Pick<Cashout, 'id' | 'status' | 'amount' | 'currency' | 'createdAt' | 'cashier' | 'approvedBy' | 'confirmedAt'>;

function keepCashout(c: Cashout): StoredCashout {
  return {
    id: c.id,
    status: c.status,
    amount: c.amount,
    currency: c.currency,
    createdAt: c.createdAt,
    cashier: c.cashier,
    approvedBy: c.approvedBy,
    confirmedAt: c.confirmedAt,
  };
}

function keepTotal(total: Total): Total {
  return { currency: total.currency, count: total.count, amount: total.amount };
}

export interface CachedHistory {
  username: string;
  date: string;
  cashouts: StoredCashout[];
  totals: Total[];
}

export function createStorage(kv: KeyValueStore) {
  return {
    async currentCashoutId(): Promise<string | null> {
      const value = await kv.get(currentKey);
      return typeof value === 'string' ? value : null;
    },
    rememberCurrentCashout: (id: string) => kv.set(currentKey, id),
    forgetCurrentCashout: () => kv.delete(currentKey),
    /** Only the signed-in cashier's own list of that day, so a shared device shows nobody else's. */
    async cachedHistory(username: string, date: string): Promise<CachedHistory | null> {
      const value = (await kv.get(historyKey)) as CachedHistory | undefined;
      return value?.username === username && value.date === date ? value : null;
    },
    cacheHistory: (username: string, history: HistoryResponse) =>
      kv.set(historyKey, {
        username,
        date: history.date,
        cashouts: history.cashouts.map(keepCashout),
        totals: history.totals.map(keepTotal),
      } satisfies CachedHistory),
  };
}

export type Storage = ReturnType<typeof createStorage>;

const storeName = 'kv';

export function idbKeyValueStore(): KeyValueStore {
  const db = openDB('kasa', 1, {
    upgrade(database) {
      database.createObjectStore(storeName);
    },
  });
  // Where IndexedDB is unavailable every call fails on its own and the caller carries on without it.
  db.catch(() => undefined);
  return {
    get: async (key) => (await db).get(storeName, key),
    set: async (key, value) => {
      await (await db).put(storeName, value, key);
    },
    delete: async (key) => (await db).delete(storeName, key),
  };
}
