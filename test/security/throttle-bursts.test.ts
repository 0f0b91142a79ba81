import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cashout } from '../../shared/api.ts';
import { type Answer, stackPassword, staff, startThrottleStack, tally, type ThrottleStack } from './support/throttle-stack.ts';

/**
 * Issue 10: the throttles must hold when the guesses arrive together, not one after another.
 * Bursts go over real loopback sockets into the real app; scrypt, SQLite and the simulator are
 * real. Limits (production defaults): 5 failures per username, 20 per client address, 10 wrong
 * codes per cashier.
 */

let stack: ThrottleStack;
/** RATE_LIMITED answers seen in the current test. */
let refused = 0;

beforeEach(async () => {
  refused = 0;
  stack = await startThrottleStack();
});

afterEach(async () => {
  await stack?.close();
});

/** Waits, bounded, until `ready()` holds; the server's progress is what is waited for, not time. */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (let round = 0; round < 2_000; round += 1) {
    if (ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`gave up waiting for ${what} (${refused} refused, ${stack.verified()} password checks)`);
}

/** Each guess from its own loopback address, so only the per-username count can stop them. */
const addressOf = (index: number): string => `127.0.1.${index + 1}`;

/** Counts the refusals as they come back, so a test can tell when the server has decided them all. */
async function countRefusal(answer: Promise<Answer>): Promise<Answer> {
  const settled = await answer;
  if (settled.code === 'RATE_LIMITED') refused += 1;
  return settled;
}

/** Requests refused, plus those that reached the password check (and may be held at its gate). */
const decided = (): number => refused + stack.verified();

async function signIn(username: string, from?: string): Promise<string> {
  const answer = await stack.send('POST', '/api/session', { username, password: stackPassword }, from === undefined ? {} : { from });
  if (answer.status !== 200 || answer.cookie === undefined) throw new Error(`sign-in of ${username}: ${answer.status} ${answer.code}`);
  return answer.cookie;
}

async function newCashout(cookie: string, amount: string): Promise<string> {
  const created = await stack.send('POST', '/api/cashouts', { amount, currency: 'EUR' }, { cookie });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${created.code}`);
  return (created.json as Cashout).id;
}

describe('bursts against the throttles', () => {
  it('40 parallel sign-ins for one user from 40 addresses, the right password last: 5 verified, 35 refused, nobody signed in', async () => {
    stack.closeGate();
    const attempt = (password: string, from: string) => countRefusal(stack.send('POST', '/api/session', { username: staff.cashier, password }, { from }));
    const wrong = Array.from({ length: 39 }, (_, index) => attempt(`wrong-guess-${index}`, addressOf(index)));
    await until(() => decided() === 39, 'the 39 wrong guesses to be refused or checked');
    const right = attempt(stackPassword, addressOf(39));
    await until(() => decided() === 40, 'the right password to be refused or checked');
    stack.openGate();
    const answers = await Promise.all([...wrong, right]);
    expect(tally(answers)).toEqual({ INVALID_CREDENTIALS: 5, RATE_LIMITED: 35 });
    expect(stack.verified()).toBe(5);
    const last = answers.at(-1);
    expect(last).toMatchObject({ status: 429, code: 'RATE_LIMITED', cookie: undefined });
    expect(Number(last?.retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('40 parallel sign-ins for one user from one address, the right password last: 5 verified, 35 refused, nobody signed in', async () => {
    stack.closeGate();
    const attempt = (password: string) => countRefusal(stack.send('POST', '/api/session', { username: staff.cashier, password }));
    const wrong = Array.from({ length: 39 }, (_, index) => attempt(`wrong-guess-${index}`));
    // Of the 5 let through, 2 are at the password check and 3 wait for a slot at this address.
    await until(() => refused === 34 && stack.verified() === 2, '34 wrong guesses to be refused and 2 checked');
    const right = await attempt(stackPassword);
    expect(right).toMatchObject({ status: 429, code: 'RATE_LIMITED', cookie: undefined });
    stack.openGate();
    const answers = [...(await Promise.all(wrong)), right];
    expect(tally(answers)).toEqual({ INVALID_CREDENTIALS: 5, RATE_LIMITED: 35 });
    expect(stack.verified()).toBe(5);
  });

  it('150 parallel sign-ins from one address: exactly 20 verified, 2 at a time, and a colleague elsewhere is not queued behind them', async () => {
    stack.closeGate((username) => username.startsWith('made-up-'));
    const guesses = Array.from({ length: 150 }, (_, index) => countRefusal(stack.send('POST', '/api/session', { username: `made-up-${index}`, password: 'wrong-guess' })));
    await until(() => refused === 130, 'all but 20 guesses to be refused');
    expect(stack.verified()).toBe(2);
    const colleague = await stack.send('POST', '/api/session', { username: staff.supervisor, password: stackPassword }, { from: '127.0.0.2' });
    expect(colleague.status).toBe(200);
    stack.openGate();
    const answers = await Promise.all(guesses);
    expect(tally(answers)).toEqual({ INVALID_CREDENTIALS: 20, RATE_LIMITED: 130 });
    expect(stack.verified()).toBe(21);
  });

  it('40 parallel approvals with a supervisor\'s name from 40 addresses, the right password last: 5 verified, no approval', async () => {
    const cookie = await signIn(staff.cashier, '127.0.0.3');
    const id = await newCashout(cookie, '500.00');
    const { code } = stack.simulator.state.issueCode(stack.walletId);
    const reserved = await stack.send('POST', `/api/cashouts/${id}/reserve`, { code }, { cookie });
    expect(reserved.status).toBe(200);
    const verifiedBefore = stack.verified();

    stack.closeGate();
    const approve = (password: string, from: string) =>
      countRefusal(stack.send('POST', `/api/cashouts/${id}/approve`, { username: staff.supervisor, password }, { cookie, from }));
    const wrong = Array.from({ length: 39 }, (_, index) => approve(`wrong-guess-${index}`, addressOf(index)));
    await until(() => decided() - verifiedBefore === 39, 'the 39 wrong guesses to be refused or checked');
    const right = approve(stackPassword, addressOf(39));
    await until(() => decided() - verifiedBefore === 40, 'the right password to be refused or checked');
    stack.openGate();
    const answers = await Promise.all([...wrong, right]);
    expect(tally(answers)).toEqual({ INVALID_CREDENTIALS: 5, RATE_LIMITED: 35 });
    expect(stack.verified() - verifiedBefore).toBe(5);
    const state = await stack.send('GET', `/api/cashouts/${id}`, undefined, { cookie });
    expect(state.json).toMatchObject({ status: 'reserved', approvedBy: null });
  });

  it('15 parallel wrong codes by one cashier across 15 cash-outs: exactly 10 reach Paysera', async () => {
    const cookie = await signIn(staff.cashier);
    const ids: string[] = [];
    for (let index = 0; index < 15; index += 1) ids.push(await newCashout(cookie, '20.00'));
    const answers = await Promise.all(ids.map((id) => stack.send('POST', `/api/cashouts/${id}/reserve`, { code: '111111' }, { cookie })));
    expect(tally(answers)).toEqual({ INVALID_CODE: 10, RATE_LIMITED: 5 });
  });
});

describe('the shape of a lockout', () => {
  const signInAs = (username: string, password: string, from?: string) =>
    stack.send('POST', '/api/session', { username, password }, from === undefined ? {} : { from });

  it('20 failed sign-ins with made-up names hold the supervisor at that address back 30 s, not 15 minutes', async () => {
    for (let index = 0; index < 20; index += 1) expect((await signInAs(`made-up-${index}`, 'wrong-guess')).status).toBe(401);
    const held = await signInAs(staff.supervisor, stackPassword);
    expect(held).toMatchObject({ status: 429, retryAfter: '30' });
    stack.clock.now += 30_000;
    expect((await signInAs(staff.supervisor, stackPassword)).status).toBe(200);
  });

  it('wrong passwords for one user cost waits that double from 30 s and stop growing at 5 minutes', async () => {
    for (let index = 0; index < 5; index += 1) expect((await signInAs(staff.cashier, `wrong-guess-${index}`)).status).toBe(401);
    const waits: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      const refusedNow = await signInAs(staff.cashier, stackPassword, '127.0.0.4');
      expect(refusedNow.status).toBe(429);
      waits.push(refusedNow.retryAfter ?? '');
      stack.clock.now += Number(refusedNow.retryAfter) * 1000;
      expect((await signInAs(staff.cashier, `late-guess-${index}`)).status).toBe(401);
    }
    expect(waits).toEqual(['30', '60', '120', '240', '300', '300', '300']);
    stack.clock.now += 300_000;
    expect((await signInAs(staff.cashier, stackPassword, '127.0.0.4')).status).toBe(200);
  });

  it('a wait one short of its end is still refused, for approvals as for sign-ins', async () => {
    const cookie = await signIn(staff.cashier, '127.0.0.3');
    const id = await newCashout(cookie, '500.00');
    const { code } = stack.simulator.state.issueCode(stack.walletId);
    expect((await stack.send('POST', `/api/cashouts/${id}/reserve`, { code }, { cookie })).status).toBe(200);
    const approve = (password: string) => stack.send('POST', `/api/cashouts/${id}/approve`, { username: staff.supervisor, password }, { cookie });
    for (let index = 0; index < 5; index += 1) expect((await approve(`wrong-guess-${index}`)).status).toBe(401);
    expect(await approve(stackPassword)).toMatchObject({ status: 429, retryAfter: '30', json: { error: { message: 'Too many wrong passwords. Wait 30 s before the next try.' } } });
    stack.clock.now += 29_999;
    expect((await approve(stackPassword)).status).toBe(429);
    stack.clock.now += 1;
    expect(await approve(stackPassword)).toMatchObject({ status: 200, json: { approvedBy: staff.supervisor } });
  });

  it('wrong codes past the limit cost a 30 s wait, not 10 minutes', async () => {
    const cookie = await signIn(staff.cashier);
    for (let index = 0; index < 10; index += 1) {
      const id = await newCashout(cookie, '20.00');
      expect((await stack.send('POST', `/api/cashouts/${id}/reserve`, { code: '111111' }, { cookie })).code).toBe('INVALID_CODE');
    }
    const id = await newCashout(cookie, '20.00');
    const { code } = stack.simulator.state.issueCode(stack.walletId);
    expect((await stack.send('POST', `/api/cashouts/${id}/reserve`, { code }, { cookie })).code).toBe('RATE_LIMITED');
    stack.clock.now += 30_000;
    expect((await stack.send('POST', `/api/cashouts/${id}/reserve`, { code }, { cookie })).status).toBe(200);
  });
});
