import { type Role, roles, type User } from '../../shared/api.ts';
import type { Store } from '../store/types.ts';
import { dummyVerify, hashPassword, verifyPassword } from './passwords.ts';
import { isValidUsername, normaliseUsername } from './usernames.ts';

/** A refused account operation; the message is meant for the administrator as is. */
export class AccountError extends Error {
  override readonly name = 'AccountError';
}

export interface AccountSummary {
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: number;
}

export interface Accounts {
  add(username: string, role: Role, password: string): Promise<User>;
  list(): Promise<AccountSummary[]>;
  /** Also signs the user out everywhere. */
  disable(username: string): Promise<void>;
  /** Also signs the user out everywhere, so a leaked password stops working at once. */
  setPassword(username: string, password: string): Promise<void>;
  /** The user for a correct password of an enabled account, else null. */
  authenticate(username: string, password: string): Promise<User | null>;
}

export const minPasswordLength = 10;
// The login form accepts at most this many characters (shared/api.ts); a longer password could never sign in.
export const maxPasswordLength = 256;

export interface AccountsOptions {
  now?: () => number;
  /** Who the audit log names for account changes made through this instance (the CLI passes the OS user). */
  actor?: string;
}

export function createAccounts(store: Store, options: AccountsOptions = {}): Accounts {
  const now = options.now ?? Date.now;
  const actor = options.actor ?? 'system';

  async function existing(input: string) {
    const username = normaliseUsername(input);
    const user = await store.getUser(username);
    if (!user) throw new AccountError(`There is no user "${username}".`);
    return user;
  }

  return {
    async add(input, role, password) {
      const username = normaliseUsername(input);
      if (!isValidUsername(username)) {
        throw new AccountError('A username has 2 to 32 characters: lower-case letters, digits, dot, underscore or hyphen.');
      }
      if (!roles.includes(role)) throw new AccountError(`The role must be one of: ${roles.join(', ')}.`);
      checkPassword(password);
      if (await store.getUser(username)) throw new AccountError(`The user "${username}" already exists.`);
      await store.createUser(
        { username, role, passwordHash: await hashPassword(password), disabled: false, createdAt: now() },
        { actor, action: 'user.add', outcome: `${username} as ${role}` },
      );
      return { username, role };
    },

    async list() {
      const users = await store.listUsers();
      return users.map(({ username, role, disabled, createdAt }) => ({ username, role, disabled, createdAt }));
    },

    async disable(input) {
      const user = await existing(input);
      await store.updateUser(user.username, { disabled: true }, { actor, action: 'user.disable', outcome: user.username });
      await store.deleteSessionsOf(user.username);
    },

    async setPassword(input, password) {
      checkPassword(password);
      const user = await existing(input);
      await store.updateUser(user.username, { passwordHash: await hashPassword(password) }, { actor, action: 'user.passwd', outcome: user.username });
      await store.deleteSessionsOf(user.username);
    },

    async authenticate(input, password) {
      const user = await store.getUser(normaliseUsername(input));
      if (!user) {
        await dummyVerify(password);
        return null;
      }
      const correct = await verifyPassword(password, user.passwordHash);
      return correct && !user.disabled ? { username: user.username, role: user.role } : null;
    },
  };
}

function checkPassword(password: string): void {
  if (password.length < minPasswordLength) throw new AccountError(`The password must have at least ${minPasswordLength} characters.`);
  if (password.length > maxPasswordLength) throw new AccountError(`The password must have at most ${maxPasswordLength} characters.`);
}
