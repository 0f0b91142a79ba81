import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSweeper } from '../../../server/cashout/sweeper.ts';
import { lockSpaces } from '../../../server/cluster/lock-spaces.ts';
import { createPgSweeperTurn } from '../../../server/cluster/pg-sweeper-turn.ts';
import { StoreUnavailableError } from '../../../server/store/errors.ts';
import { testPool, type TwoPools, twoPools } from './two-pools.ts';

let pools: TwoPools;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  pools = await twoPools();
});

/** Undone newest first: sweepers stop before their turns are given up, or they would take them again. */
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

afterAll(async () => {
  await pools?.close();
});

async function turnHolder(): Promise<number | undefined> {
  const { rows } = await pools.a.query<{ pid: number }>('SELECT pid FROM pg_locks WHERE locktype = $1 AND classid = $2 AND granted', [
    'advisory',
    lockSpaces.sweeperTurn,
  ]);
  return rows[0]?.pid;
}

/** Ends a session as the death of its instance would, and waits until it has ended. */
async function kill(pid: number | undefined): Promise<void> {
  await pools.a.query('SELECT pg_terminate_backend($1, 10000)', [pid]);
}

describe('createPgSweeperTurn', () => {
  it('gives the turn to one instance, and to the other at its next try once the holder is gone', async () => {
    const a = createPgSweeperTurn(pools.a);
    const b = createPgSweeperTurn(pools.b);
    stops.push(a.release, b.release);
    expect(await a.isMine()).toBe(true);
    expect(await b.isMine()).toBe(false);
    expect(await a.isMine()).toBe(true);
    expect(await b.isMine()).toBe(false);

    await kill(await turnHolder());
    expect(await b.isMine()).toBe(true);
    expect(await a.isMine()).toBe(false);

    await b.release();
    expect(await a.isMine()).toBe(true);
    expect(await b.isMine()).toBe(false);
  });

  it('lets only one of two sweepers sweep, and the other take over when the first dies', async () => {
    const sweeps = { a: 0, b: 0 };
    const turns = { a: createPgSweeperTurn(pools.a), b: createPgSweeperTurn(pools.b) };
    const sweeper = (name: 'a' | 'b') => {
      const service = {
        sweep: async () => {
          sweeps[name] += 1;
          return { resolved: 0, revoked: 0 };
        },
      };
      return startSweeper(service, { intervalMs: 10, turn: turns[name] });
    };
    const patiently = { timeout: 10_000 };
    const stopA = sweeper('a');
    stops.push(turns.a.release, turns.b.release, stopA);
    await vi.waitFor(() => expect(sweeps.a).toBeGreaterThanOrEqual(1), patiently);
    stops.push(sweeper('b'));
    await vi.waitFor(() => expect(sweeps.a).toBeGreaterThanOrEqual(10), patiently);
    expect(sweeps.b).toBe(0);

    // Instance A dies: its sweeper stops for good, and its connection is gone with it.
    await stopA();
    const aAtDeath = sweeps.a;
    await kill(await turnHolder());
    await vi.waitFor(() => expect(sweeps.b).toBeGreaterThanOrEqual(5), patiently);
    expect(sweeps.a).toBe(aAtDeath);
  });

  it('answers StoreUnavailableError when the database cannot be reached, and the sweeper skips that sweep', async () => {
    const unreachable = testPool({ host: '127.0.0.1', port: 1, user: 'nobody', database: 'none', connectionTimeoutMillis: 2_000 });
    try {
      const turn = createPgSweeperTurn(unreachable);
      await expect(turn.isMine()).rejects.toBeInstanceOf(StoreUnavailableError);
      let swept = 0;
      const errors: object[] = [];
      const stop = startSweeper(
        {
          sweep: async () => {
            swept += 1;
            return { resolved: 0, revoked: 0 };
          },
        },
        { intervalMs: 10, turn, log: { info: () => {}, warn: () => {}, error: (fields) => errors.push(fields) } },
      );
      await vi.waitFor(() => expect(errors.length).toBeGreaterThanOrEqual(2));
      await stop();
      expect(swept).toBe(0);
    } finally {
      await unreachable.end();
    }
  });
});
