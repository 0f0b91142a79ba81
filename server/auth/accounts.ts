import { type Role, roles, type User } from '../../shared/api.ts';
import type { Store, UserRecord } from '../store/types.ts';
import { dummyVerify, hashPassword, verifyPassword } from './passwords.ts';
import { isValidUsername, normaliseUsername } from './usernames.ts';

/**
 * Why an account operation was refused, so that the HTTP layer can answer without repeating the
 * username back: `unknown-user` and `taken` name it in the message, the others do not.
 */
export type AccountRefusal = 'invalid' | 'unknown-user' | 'taken' | 'own-account';

/** A refused account operation; the message is meant for the administrator as is. */
export class AccountError extends Error {
  override readonly name = 'AccountError';
  constructor(
    message: string,
    readonly refusal: AccountRefusal = 'invalid',
  ) {
    super(message);
  }
}

export interface AccountSummary {
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: number;
}

/** Changes to one account, all checked before any is made. */
export interface AccountChange {
  role?: Role;
  password?: string;
  disabled?: boolean;
}

/**
 * Every change takes an optional `actor`, the person the audit event names (the admin signed in);
 * without it, the actor the accounts were created with.
 */
export interface Accounts {
  add(username: string, role: Role, password: string, actor?: string): Promise<AccountSummary>;
  list(): Promise<AccountSummary[]>;
  /** Also signs the user out everywhere. */
  disable(username: string, actor?: string): Promise<void>;
  enable(username: string, actor?: string): Promise<void>;
  /** Sessions read the role on every request, so the new role holds at the user's next request. */
  setRole(username: string, role: Role, actor?: string): Promise<void>;
  /** Also signs the user out everywhere, so a leaked password stops working at once. */
  setPassword(username: string, password: string, actor?: string): Promise<void>;
  /**
   * Role, then password, then enabled state, each its own audit event; a value equal to the
   * current one is no change and no event. Refuses (changing nothing) an actor demoting or
   * disabling their own account, so an admin cannot lock the last admin out.
   */
  update(username: string, change: AccountChange, actor?: string): Promise<AccountSummary>;
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
  const defaultActor = options.actor ?? 'system';

  async function existing(input: string): Promise<UserRecord> {
    const username = normaliseUsername(input);
    const user = await store.getUser(username);
    if (!user) throw new AccountError(`There is no user "${username}".`, 'unknown-user');
    return user;
  }

  async function update(input: string, change: AccountChange, actor = defaultActor): Promise<AccountSummary> {
    const user = await existing(input);
    if (change.role !== undefined) checkRole(change.role);
    if (change.password !== undefined) checkPassword(change.password);
    const changesRole = change.role !== undefined && change.role !== user.role;
    if (actor === user.username && (changesRole || change.disabled === true)) {
      throw new AccountError('You cannot demote or disable your own account; ask another admin.', 'own-account');
    }
    const { username } = user;
    if (change.role !== undefined && changesRole) {
      await store.updateUser(username, { role: change.role }, { actor, action: 'user.role', outcome: `${username} from ${user.role} to ${change.role}` });
    }
    if (change.password !== undefined) {
      await store.updateUser(username, { passwordHash: await hashPassword(change.password) }, { actor, action: 'user.passwd', outcome: username });
    }
    if (change.disabled !== undefined && change.disabled !== user.disabled) {
      await store.updateUser(username, { disabled: change.disabled }, { actor, action: change.disabled ? 'user.disable' : 'user.enable', outcome: username });
    }
    if (change.password !== undefined || change.disabled === true) await store.deleteSessionsOf(username);
    return { username, role: change.role ?? user.role, disabled: change.disabled ?? user.disabled, createdAt: user.createdAt };
  }

  return {
    async add(input, role, password, actor = defaultActor) {
      const username = normaliseUsername(input);
      if (!isValidUsername(username)) {
        throw new AccountError('A username has 2 to 32 characters: lower-case letters, digits, dot, underscore or hyphen.');
      }
      checkRole(role);
      checkPassword(password);
      if (await store.getUser(username)) throw new AccountError(`The user "${username}" already exists.`, 'taken');
      const createdAt = now();
      await store.createUser(
        { username, role, passwordHash: await hashPassword(password), disabled: false, createdAt },
        { actor, action: 'user.add', outcome: `${username} as ${role}` },
      );
      return { username, role, disabled: false, createdAt };
    },

    async list() {
      const users = await store.listUsers();
      return users.map(({ username, role, disabled, createdAt }) => ({ username, role, disabled, createdAt }));
    },

    async disable(input, actor) {
      await update(input, { disabled: true }, actor);
    },

    async enable(input, actor) {
      await update(input, { disabled: false }, actor);
    },

    async setRole(input, role, actor) {
      await update(input, { role }, actor);
    },

    async setPassword(input, password, actor) {
      await update(input, { password }, actor);
    },

    update,

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

function checkRole(role: Role): void {
  if (!roles.includes(role)) throw new AccountError(`The role must be one of: ${roles.join(', ')}.`);
}

function checkPassword(password: string): void {
  if (password.length < minPasswordLength) throw new AccountError(`The password must have at least ${minPasswordLength} characters.`);
  if (password.length > maxPasswordLength) throw new AccountError(`The password must have at most ${maxPasswordLength} characters.`);
}
