import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { retryAfterSeconds, throttleRule } from '../auth/throttle-rule.ts';
import type { Attempt, RateLimiter, RateLimiterOptions } from '../auth/throttle.ts';
import { lockSpaces } from './lock-spaces.ts';
import { inTransaction } from './pg-access.ts';

export interface PgRateLimiterOptions extends RateLimiterOptions {
  /**
   * How long an admitted attempt counts as in flight at most, so the attempts of an instance that
   * died stop counting. Longer than any sign-in or reserve takes (a reserve with its read-backs
   * and Wallet timeouts is well under a minute); 2 minutes by default.
   */
  attemptLeaseMs?: number;
  /** Told about a settlement that could not be written; the attempt's lease then ends its count. */
  onSettleError?: (error: unknown) => void;
}

const defaultAttemptLeaseMs = 2 * 60_000;
/** Expired attempts and failures out of the window are deleted at most this often per limiter. */
const purgeEveryMs = 60_000;

/**
 * The limiter of `createRateLimiter` with its counts in PostgreSQL, shared by every instance
 * (design §3.2). The decision is the same `throttleRule`; each admission and settlement is one
 * transaction under an advisory lock on the key, so attempts through different instances queue
 * for one count exactly as attempts in one process do.
 */
export function createPgRateLimiter(pool: pg.Pool, scope: string, options: PgRateLimiterOptions): RateLimiter {
  const rule = throttleRule(options);
  const now = options.now ?? Date.now;
  const leaseMs = options.attemptLeaseMs ?? defaultAttemptLeaseMs;
  let purgeDueAt = 0;

  const onKey = <T>(key: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> =>
    inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [lockSpaces.throttle, `${scope}\n${key}`]);
      return work(client);
    });

  async function failuresOf(client: pg.PoolClient, key: string, at: number): Promise<number[]> {
    const { rows } = await client.query<{ failures: string[] }>('SELECT failures FROM rate_limit_failures WHERE scope = $1 AND key = $2', [scope, key]);
    return rule.live((rows[0]?.failures ?? []).map(Number), at);
  }

  async function purge(at: number): Promise<void> {
    if (at < purgeDueAt) return;
    purgeDueAt = at + purgeEveryMs;
    await inTransaction(pool, async (client) => {
      await client.query('DELETE FROM rate_limit_attempts WHERE scope = $1 AND expires_at <= $2', [scope, at]);
      await client.query('DELETE FROM rate_limit_failures WHERE scope = $1 AND newest_at <= $2', [scope, at - rule.windowMs]);
    });
  }

  function attemptOf(key: string, id: string): Attempt {
    let settled = false;
    const settle = async (change?: (failures: number[], at: number) => number[]) => {
      if (settled) return;
      settled = true;
      try {
        await onKey(key, async (client) => {
          await client.query('DELETE FROM rate_limit_attempts WHERE id = $1', [id]);
          if (!change) return;
          const at = now();
          const failures = change(await failuresOf(client, key, at), at);
          const newest = failures.at(-1);
          if (newest === undefined) {
            await client.query('DELETE FROM rate_limit_failures WHERE scope = $1 AND key = $2', [scope, key]);
            return;
          }
          await client.query(
            `INSERT INTO rate_limit_failures (scope, key, failures, newest_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (scope, key) DO UPDATE SET failures = EXCLUDED.failures, newest_at = EXCLUDED.newest_at`,
            [scope, key, failures, newest],
          );
        });
      } catch (error) {
        // The step it belongs to has its own answer, which a lost count must not turn into an error.
        options.onSettleError?.(error);
      }
    };
    return {
      fail: () => settle((failures, at) => rule.afterFailure(failures, at)),
      succeed: () => settle(() => []),
      release: () => settle(),
    };
  }

  return {
    async begin(key) {
      const at = now();
      await purge(at);
      return onKey(key, async (client) => {
        const failures = await failuresOf(client, key, at);
        const { rows } = await client.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM rate_limit_attempts WHERE scope = $1 AND key = $2 AND expires_at > $3',
          [scope, key, at],
        );
        const waitMs = rule.refusal(failures, rows[0]?.n ?? 0, at);
        if (waitMs !== null) return { allowed: false, retryAfterSeconds: retryAfterSeconds(waitMs) };
        const id = randomUUID();
        await client.query('INSERT INTO rate_limit_attempts (id, scope, key, expires_at) VALUES ($1, $2, $3, $4)', [id, scope, key, at + leaseMs]);
        return { allowed: true, attempt: attemptOf(key, id) };
      });
    },
  };
}
