import type Database from 'better-sqlite3';

export interface GroupCommit {
  /** Runs `write` in the next shared transaction; settles only once that transaction is committed. */
  write<T>(write: () => T): Promise<T>;
  /** Commits whatever is queued now (before closing the database). */
  flush(): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Queued {
  write: () => unknown;
  resolve: (value: never) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes that arrive while the event loop is busy share one transaction, and so one fsync
 * (synchronous=FULL makes every commit one): under load several cash-outs' steps are made durable
 * together instead of one after another. Each write runs in its own savepoint, so a refused one (a
 * CHECK, a stale status) is rolled back alone; every promise settles only after the COMMIT, so no
 * step is answered, and no Wallet call made, before its record is on disk.
 */
export function createGroupCommit(db: Database.Database): GroupCommit {
  let queue: Queued[] = [];

  function flush(): void {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    const outcomes: Outcome[] = [];
    try {
      // IMMEDIATE: the audit appends read the chain's head, which another process must not move meanwhile.
      db.transaction(() => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: db.transaction(item.write)() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) item.resolve(outcome.value as never);
      else item.reject(outcome?.error);
    });
  }

  return {
    write<T>(write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (queue.length === 0) setImmediate(flush);
        queue.push({ write, resolve: resolve as (value: never) => void, reject });
      });
    },
    flush,
  };
}
