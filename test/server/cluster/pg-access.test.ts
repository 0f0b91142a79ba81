import { describe, expect, it } from 'vitest';
import { asUnavailable, inTransaction, isConnectionLoss } from '../../../server/cluster/pg-access.ts';
import { StoreUnavailableError } from '../../../server/store/errors.ts';
import { testPool } from './two-pools.ts';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isConnectionLoss', () => {
  it('tells a lost database from a bug', () => {
    expect(isConnectionLoss(withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'))).toBe(true);
    expect(isConnectionLoss(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionLoss(withCode('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isConnectionLoss(withCode('connection failure', '08006'))).toBe(true);
    expect(isConnectionLoss(withCode('syntax error at or near "SELEC"', '42601'))).toBe(false);
    expect(isConnectionLoss(new TypeError('x is undefined'))).toBe(false);
    expect(isConnectionLoss('not an error')).toBe(false);
  });

  it('turns only a lost database into StoreUnavailableError', () => {
    expect(asUnavailable(withCode('reset', 'ECONNRESET'))).toBeInstanceOf(StoreUnavailableError);
    const bug = new TypeError('x is undefined');
    expect(asUnavailable(bug)).toBe(bug);
  });
});

describe('inTransaction', () => {
  it('answers StoreUnavailableError when the database cannot be reached', async () => {
    const unreachable = testPool({ host: '127.0.0.1', port: 1, user: 'nobody', database: 'none', connectionTimeoutMillis: 2_000 });
    try {
      await expect(inTransaction(unreachable, async () => 'never')).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await unreachable.end();
    }
  });
});
