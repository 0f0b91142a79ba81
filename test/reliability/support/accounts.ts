import type { Role } from '../../../shared/api.ts';
import { createAccounts } from '../../../server/auth/accounts.ts';
import { openStackStore, type StackStore } from './stack-store.ts';

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

/** Accounts written into the store before the server opens it, as `npm run user` would. */
export async function seedAccounts(where: string | StackStore, counts: { cashiers: number; supervisors: number }): Promise<TestAccounts> {
  const account = (username: string, role: Role): TestAccount => ({ username, role, password: testPassword });
  const wanted: TestAccounts = {
    cashiers: Array.from({ length: counts.cashiers }, (_, i) => account(`cashier-${i + 1}`, 'cashier')),
    supervisors: Array.from({ length: counts.supervisors }, (_, i) => account(`supervisor-${i + 1}`, 'supervisor')),
    admin: account('admin-1', 'admin'),
  };
  const store = await openStackStore(typeof where === 'string' ? { dataDir: where } : where);
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
