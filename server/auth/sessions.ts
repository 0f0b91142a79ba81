import type { User } from '../../shared/api.ts';
import type { Store } from '../store/types.ts';
import { isSessionTokenShaped, newSessionToken, sessionIdHash } from './session-token.ts';

export interface SessionManagerOptions {
  store: Store;
  /** A session unused for this long is gone; default 12 hours (one shift). */
  idleMs?: number;
  now?: () => number;
}

export interface SessionManager {
  /** Returns the cookie token; only its hash is stored. */
  create(username: string): Promise<string>;
  /** The signed-in user, or null for an unknown, idle-expired or disabled one. */
  resolve(token: string): Promise<User | null>;
  destroy(token: string): Promise<void>;
  destroyAllOf(username: string): Promise<void>;
  /** Deletes every idle-expired session; returns how many. */
  purgeIdle(): Promise<number>;
}

const defaultIdleMs = 12 * 60 * 60 * 1000;
// Writing lastSeenAt on every request would turn each read into a write; a minute's slack is harmless.
const touchEveryMs = 60 * 1000;

export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const { store } = options;
  const idleMs = options.idleMs ?? defaultIdleMs;
  const now = options.now ?? Date.now;

  return {
    async create(username) {
      const token = newSessionToken();
      const at = now();
      await store.createSession({ idHash: sessionIdHash(token), username, createdAt: at, lastSeenAt: at });
      return token;
    },

    async resolve(token) {
      if (!isSessionTokenShaped(token)) return null;
      const idHash = sessionIdHash(token);
      const session = await store.getSession(idHash);
      if (!session) return null;
      const at = now();
      if (at - session.lastSeenAt > idleMs) {
        await store.deleteSession(idHash);
        return null;
      }
      const user = await store.getUser(session.username);
      if (!user || user.disabled) {
        await store.deleteSession(idHash);
        return null;
      }
      if (at - session.lastSeenAt >= touchEveryMs) await store.touchSession(idHash, at);
      return { username: user.username, role: user.role };
    },

    async destroy(token) {
      if (isSessionTokenShaped(token)) await store.deleteSession(sessionIdHash(token));
    },

    async destroyAllOf(username) {
      await store.deleteSessionsOf(username);
    },

    async purgeIdle() {
      return store.deleteSessionsIdleSince(now() - idleMs);
    },
  };
}
