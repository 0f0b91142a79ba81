import type { Role } from '../../../shared/api.ts';
import { createAccounts } from '../../../server/auth/accounts.ts';
import { openSqliteStore } from '../../../server/store/sqlite.ts';
import type { Store } from '../../../server/store/types.ts';

export const testPassword = 'reliability-password-1';

export interface TestAccount {
  username: string;
  role: Role;
  password: string;
}

export interface TestAccounts {
  cashiers: TestAccount[];
  supervisors: TestAccount[];
  admin: TestAccount;
}

/** Where accounts go: a SQLite data dir, or any store (a PostgreSQL database several instances share). */
export type AccountsHome = string | (() => Promise<Store>);

/** Accounts written into the store before the server opens it, as `npm run user` would. */
export async function seedAccounts(home: AccountsHome, counts: { cashiers: number; supervisors: number }): Promise<TestAccounts> {
  const account = (username: string, role: Role): TestAccount => ({ username, role, password: testPassword });
  const wanted: TestAccounts = {
    cashiers: Array.from({ length: counts.cashiers }, (_, i) => account(`cashier-${i + 1}`, 'cashier')),
    supervisors: Array.from({ length: counts.supervisors }, (_, i) => account(`supervisor-${i + 1}`, 'supervisor')),
    admin: account('admin-1', 'admin'),
  };
  const store = typeof home === 'string' ? openSqliteStore({ dataDir: home }) : await home();
  try {
    const accounts = createAccounts(store);
    for (const { username, role, password } of [...wanted.cashiers, ...wanted.supervisors, wanted.admin]) {
      await accounts.add(username, role, password);
    }
  } finally {
    await store.close();
  }
  return wanted;
}
