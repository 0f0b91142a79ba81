import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPgCashoutLock } from '../../../server/cluster/pg-cashout-lock.ts';
import { lockSpaces } from '../../../server/cluster/lock-spaces.ts';
import { StoreUnavailableError } from '../../../server/store/errors.ts';
import { testPool, type TwoPools, twoPools } from './two-pools.ts';

let pools: TwoPools;

beforeAll(async () => {
  pools = await twoPools();
});

afterAll(async () => {
  await pools?.close();
});

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** The sessions holding (or, with `granted` false, waiting for) cash-out locks. */
async function lockSessions(granted: boolean): Promise<number[]> {
  const { rows } = await pools.a.query<{ pid: number }>(
    'SELECT pid FROM pg_locks WHERE locktype = $1 AND classid = $2 AND granted = $3 ORDER BY pid',
    ['advisory', lockSpaces.cashout, granted],
  );
  return rows.map((row) => row.pid);
}

describe('createPgCashoutLock', () => {
  it('never lets two instances run tasks on one cash-out at once', async () => {
    const a = createPgCashoutLock(pools.a, { maxHeld: 4 });
    const b = createPgCashoutLock(pools.b, { maxHeld: 4 });
    const inFlight = new Map<string, number>();
    const overlaps: string[] = [];
    let ran = 0;
    const task = (key: string) => async () => {
      const now = (inFlight.get(key) ?? 0) + 1;
      inFlight.set(key, now);
      if (now > 1) overlaps.push(key);
      await delay(Math.random() * 4);
      inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
      ran += 1;
    };
    const keys = ['c1', 'c2', 'c3'];
    await Promise.all(Array.from({ length: 60 }, (_, index) => (index % 2 === 0 ? a : b).run(keys[index % 3] ?? 'c1', task(keys[index % 3] ?? 'c1'))));
    expect(ran).toBe(60);
    expect(overlaps).toEqual([]);
    expect(await lockSessions(true)).toEqual([]);
  });

  it("lets another instance take over the moment the holder's connection dies", async () => {
    const lost: string[] = [];
    const a = createPgCashoutLock(pools.a, { maxHeld: 4, onLeaseLost: (key) => lost.push(key) });
    const b = createPgCashoutLock(pools.b, { maxHeld: 4 });
    const stuck = gate();
    const started = gate();
    const holder = a.run('c9', async () => {
      started.open();
      await stuck.opened;
      return 'holder done';
    });
    await started.opened;
    const [holderPid] = await lockSessions(true);
    let taken = false;
    const taker = b.run('c9', async () => {
      taken = true;
      return 'taken';
    });
    await vi.waitFor(async () => expect((await lockSessions(false)).length).toBe(1));
    expect(taken).toBe(false);

    await pools.a.query('SELECT pg_terminate_backend($1)', [holderPid]);
    expect(await taker).toBe('taken');
    await vi.waitFor(() => expect(lost).toEqual(['c9']));
    stuck.open();
    expect(await holder).toBe('holder done');
    expect(await a.run('c9', async () => 'again')).toBe('again');
  });

  it("takes a cash-out's lock inside its cashier's on the same connection", async () => {
    const a = createPgCashoutLock(pools.a, { maxHeld: 1 });
    const sessions = await a.run('cashier:ona', () => a.run('c20', () => lockSessions(true)));
    expect(sessions.length).toBe(2);
    expect(new Set(sessions).size).toBe(1);
  });

  it('holds at most maxHeld connections, and the tasks beyond them wait their turn', async () => {
    const a = createPgCashoutLock(pools.a, { maxHeld: 2 });
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        a.run(`m${index}`, async () => {
          running += 1;
          most = Math.max(most, running);
          await delay(5);
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
  });

  it("passes a task's failure to its caller and frees the lock for the other instance", async () => {
    const a = createPgCashoutLock(pools.a, { maxHeld: 2 });
    const b = createPgCashoutLock(pools.b, { maxHeld: 2 });
    await expect(
      a.run('c30', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await b.run('c30', async () => 'next')).toBe('next');
    expect(await lockSessions(true)).toEqual([]);
  });

  it('answers StoreUnavailableError when the database cannot be reached', async () => {
    const unreachable = testPool({ host: '127.0.0.1', port: 1, user: 'nobody', database: 'none', connectionTimeoutMillis: 2_000 });
    try {
      const lock = createPgCashoutLock(unreachable, { maxHeld: 2 });
      let ran = false;
      await expect(
        lock.run('c1', async () => {
          ran = true;
        }),
      ).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(ran).toBe(false);
    } finally {
      await unreachable.end();
    }
  });
});
