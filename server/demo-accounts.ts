import { randomBytes } from 'node:crypto';
import type { Role } from '../shared/api.ts';
import type { Accounts } from './auth/accounts.ts';
import type { Store } from './store/types.ts';

export interface DemoCredentials {
  username: string;
  password: string;
}

export interface DemoAccounts {
  cashier: DemoCredentials;
  supervisor: DemoCredentials;
}

export const demoCashier = 'demo-cashier';
export const demoSupervisor = 'demo-supervisor';

export function randomDemoPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * The demo's two accounts, with the passwords of this start: an account left from an earlier
 * start gets the new password, so what the banner prints always signs in.
 */
export async function ensureDemoAccounts(
  store: Store,
  accounts: Accounts,
  passwords: { cashier: string; supervisor: string },
): Promise<DemoAccounts> {
  const ensure = async (username: string, role: Role, password: string): Promise<DemoCredentials> => {
    if (await store.getUser(username)) await accounts.setPassword(username, password);
    else await accounts.add(username, role, password);
    return { username, password };
  };
  return {
    cashier: await ensure(demoCashier, 'cashier', passwords.cashier),
    supervisor: await ensure(demoSupervisor, 'supervisor', passwords.supervisor),
  };
}
