import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
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
  /** So the account and location screens can be tried too. */
  admin: DemoCredentials;
}

/** Passwords of this start; without `admin`, one is generated. */
export interface DemoPasswords {
  cashier: string;
  supervisor: string;
  admin?: string;
}

export const demoCashier = 'demo-cashier';
export const demoSupervisor = 'demo-supervisor';
export const demoAdmin = 'demo-admin';
const demoUsernames = [demoCashier, demoSupervisor, demoAdmin] as const;

export function randomDemoPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Demo mode keeps its SQLite file in a folder of its own, so its accounts (whose passwords are
 * shown on screen) and its simulated cash-outs never share a store with live mode.
 */
export function demoDataDir(dataDir: string): string {
  return join(dataDir, 'demo');
}

/**
 * Thrown when live mode is asked to start on a store that demo mode has written to: a DATA_DIR,
 * or (`onDatabase`) the PostgreSQL database, where demo mode has no folder of its own.
 */
export class DemoDataInLiveStore extends Error {
  constructor(dataDir: string, usernames: readonly string[], onDatabase = false) {
    const where = onDatabase ? 'the database at DATABASE_URL' : dataDir;
    const fresh = onDatabase
      ? 'an empty database (demo mode on PostgreSQL shares the database it is given: give it one of its own)'
      : 'a fresh DATA_DIR (demo mode now keeps its data in DATA_DIR/demo)';
    super(
      `live mode refuses to start: ${where} holds the demo account(s) ${usernames.join(', ')}, whose passwords ` +
        `were shown on screen, and demo cash-outs beside them. Start live mode on ${fresh}.`,
    );
    this.name = 'DemoDataInLiveStore';
  }
}

/** The demo accounts present in a store, disabled or not. */
export async function demoAccountsIn(store: Pick<Store, 'getUser'>): Promise<string[]> {
  const found: string[] = [];
  for (const username of demoUsernames) if (await store.getUser(username)) found.push(username);
  return found;
}

/**
 * The demo's three accounts, with the passwords of this start: an account left from an earlier
 * start gets the new password, so what the banner prints always signs in.
 */
export async function ensureDemoAccounts(
  store: Store,
  accounts: Accounts,
  passwords: Required<DemoPasswords>,
): Promise<DemoAccounts> {
  const ensure = async (username: string, role: Role, password: string): Promise<DemoCredentials> => {
    if (await store.getUser(username)) await accounts.setPassword(username, password);
    else await accounts.add(username, role, password);
    return { username, password };
  };
  return {
    cashier: await ensure(demoCashier, 'cashier', passwords.cashier),
    supervisor: await ensure(demoSupervisor, 'supervisor', passwords.supervisor),
    admin: await ensure(demoAdmin, 'admin', passwords.admin),
  };
}
