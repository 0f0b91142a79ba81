import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiSession } from '../reliability/support/api-session.ts';
import { testPassword } from '../reliability/support/accounts.ts';
import { startKasaStack, type KasaStack } from '../reliability/support/kasa-stack.ts';
import { freshPgDatabase, type PgTestDatabase } from '../support/pg-database.ts';

/**
 * Two Kasa instances on one PostgreSQL database, as behind a load balancer: a guesser whose
 * requests are spread over the instances gets no more tries than on one instance, and a throttle
 * reached on one instance holds on the other.
 */

let database: PgTestDatabase;
let stack: KasaStack;
let first: string;
let second: string;

beforeAll(async () => {
  database = await freshPgDatabase();
  stack = await startKasaStack({ databaseUrl: database.url, instances: 2, cashiers: 3 });
  [first = '', second = ''] = stack.origins;
});

afterAll(async () => {
  await stack?.close();
  await database?.drop();
});

async function signInStatus(origin: string, username: string, password: string): Promise<{ status: number; code: string | null }> {
  const response = await createApiSession(origin).request('POST', '/api/session', { username, password });
  const body = response.json as { error?: { code?: string } } | undefined;
  return { status: response.status, code: body?.error?.code ?? null };
}

function cashier(index: number): string {
  const account = stack.accounts.cashiers[index];
  if (!account) throw new Error(`no cashier ${index}`);
  return account.username;
}

describe('sign-in throttle across two instances on one database', () => {
  it('counts wrong passwords sent to either instance against one allowance of five', async () => {
    const username = cashier(0);
    for (const origin of [first, second, first, second, first]) {
      expect(await signInStatus(origin, username, 'wrong-password-1')).toEqual({ status: 401, code: 'INVALID_CREDENTIALS' });
    }
    expect(await signInStatus(second, username, 'wrong-password-1')).toEqual({ status: 429, code: 'RATE_LIMITED' });
  });

  it('refuses even the right password on the other instance once one instance throttled the account', async () => {
    const username = cashier(1);
    for (let attempt = 0; attempt < 5; attempt += 1) await signInStatus(first, username, 'wrong-password-2');
    expect(await signInStatus(first, username, testPassword)).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(await signInStatus(second, username, testPassword)).toEqual({ status: 429, code: 'RATE_LIMITED' });
  });

  it('leaves an account nobody guessed at alone on both instances', async () => {
    const username = cashier(2);
    expect((await signInStatus(first, username, testPassword)).status).toBe(200);
    expect((await signInStatus(second, username, testPassword)).status).toBe(200);
  });
});
