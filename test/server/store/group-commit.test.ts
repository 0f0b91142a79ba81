import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../../server/store/group-commit.ts';

let dir: string;
let file: string;
let db: Database.Database;
let commits: number;

/** The database, with its IMMEDIATE transactions (one per commit of a batch) counted. */
function countingCommits(database: Database.Database): Database.Database {
  return new Proxy(database, {
    get(target, property) {
      if (property !== 'transaction') return Reflect.get(target, property, target);
      return (fn: () => unknown) => {
        const transaction = target.transaction(fn);
        const counted = () => transaction();
        counted.immediate = () => {
          commits += 1;
          return transaction.immediate();
        };
        return counted;
      };
    },
  });
}

const insert = (x: number) => () => db.prepare('INSERT INTO t (x) VALUES (?)').run(x).lastInsertRowid;
const rows = (database: Database.Database = db) => database.prepare('SELECT x FROM t ORDER BY x').all().map((row) => (row as { x: number }).x);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kasa-group-commit-'));
  file = join(dir, 'test.sqlite');
  db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (x INTEGER NOT NULL CHECK (x > 0))');
  commits = 0;
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('group commit', () => {
  it('commits writes issued together in one transaction, each in its own savepoint', async () => {
    const group = createGroupCommit(countingCommits(db));
    const outcomes = await Promise.allSettled([group.write(insert(1)), group.write(insert(-1)), group.write(insert(2))]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/CHECK/);
    expect(rows()).toEqual([1, 2]);
    expect(commits).toBe(1);
  });

  it('settles a write only once it is committed: another connection already sees it', async () => {
    const group = createGroupCommit(db);
    const other = new Database(file, { readonly: true });
    try {
      const pending = group.write(insert(5));
      expect(rows(other)).toEqual([]);
      await pending;
      expect(rows(other)).toEqual([5]);
    } finally {
      other.close();
    }
  });

  it('refuses every write of a batch whose transaction cannot start, and applies none', async () => {
    db.pragma('busy_timeout = 0');
    const group = createGroupCommit(db);
    const other = new Database(file);
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const outcomes = await Promise.allSettled([group.write(insert(1)), group.write(insert(2))]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
      expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/locked|busy/i);
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    expect(rows()).toEqual([]);
  });

  it('commits what is queued when flushed at once, as the store does before closing', async () => {
    const group = createGroupCommit(countingCommits(db));
    const pending = group.write(insert(7));
    group.flush();
    expect(rows()).toEqual([7]);
    await pending;
    expect(commits).toBe(1);
  });
});
