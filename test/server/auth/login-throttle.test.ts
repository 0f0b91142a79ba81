import { describe, expect, it } from 'vitest';
import { createLoginThrottle, type LoginAttempt, type LoginThrottle } from '../../../server/auth/login-throttle.ts';

const minute = 60_000;

async function failOnce(throttle: LoginThrottle, attempt: LoginAttempt): Promise<void> {
  const admission = await throttle.begin(attempt);
  if (!admission.allowed) throw new Error(`refused for ${admission.retryAfterSeconds} s`);
  await admission.attempt.fail();
}

/** The wait a new attempt would be told, 0 if it would be let through (it is then released). */
async function waitOf(throttle: LoginThrottle, attempt: LoginAttempt): Promise<number> {
  const admission = await throttle.begin(attempt);
  if (!admission.allowed) return admission.retryAfterSeconds;
  await admission.attempt.release();
  return 0;
}

describe('createLoginThrottle', () => {
  it('defaults to 5 free failures per username, whatever the case typed, then 30 s doubling to 5 minutes', async () => {
    let now = 0;
    const throttle = createLoginThrottle({ now: () => now });
    for (let index = 0; index < 5; index += 1) await failOnce(throttle, { username: index % 2 ? 'Anna' : 'anna ', ip: `10.0.0.${index}` });
    const waits: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      const wait = await waitOf(throttle, { username: 'ANNA', ip: '10.0.1.1' });
      waits.push(wait);
      now += wait * 1000;
      await failOnce(throttle, { username: 'anna', ip: `10.0.2.${index}` });
    }
    expect(waits).toEqual([30, 60, 120, 240, 300, 300]);
  });

  it('keeps a username\'s failures for a day, so waiting out the longest wait buys no fresh free tries', async () => {
    let now = 0;
    const throttle = createLoginThrottle({ now: () => now });
    for (let index = 0; index < 5; index += 1) await failOnce(throttle, { username: 'anna', ip: `10.0.0.${index}` });
    now += 23 * 60 * minute;
    await failOnce(throttle, { username: 'anna', ip: '10.0.1.1' });
    expect(await waitOf(throttle, { username: 'anna', ip: '10.0.1.2' })).toBe(60);
    now += 2 * 60 * minute;
    expect(await waitOf(throttle, { username: 'anna', ip: '10.0.1.2' })).toBe(0);
  });

  it('defaults to 20 free failures per address across usernames, forgotten after 15 minutes', async () => {
    let now = 0;
    const throttle = createLoginThrottle({ now: () => now });
    for (let index = 0; index < 20; index += 1) await failOnce(throttle, { username: `user${index}`, ip: '10.0.0.1' });
    expect(await waitOf(throttle, { username: 'fresh', ip: '10.0.0.1' })).toBe(30);
    expect(await waitOf(throttle, { username: 'fresh', ip: '10.0.0.2' })).toBe(0);
    now += 15 * minute;
    expect(await waitOf(throttle, { username: 'fresh', ip: '10.0.0.1' })).toBe(0);
  });

  it('refuses when either count refuses, reports the longer wait, and holds nothing for the refused attempt', async () => {
    let now = 0;
    const throttle = createLoginThrottle({
      perUsername: { limit: 1, windowMs: 10 * minute, firstDelayMs: minute, maxDelayMs: 10 * minute },
      perIp: { limit: 2, windowMs: 10 * minute, firstDelayMs: 5 * minute, maxDelayMs: 10 * minute },
      now: () => now,
    });
    await failOnce(throttle, { username: 'anna', ip: 'ip' });
    now += 30_000;
    expect(await waitOf(throttle, { username: 'anna', ip: 'other' })).toBe(30);
    await failOnce(throttle, { username: 'bob', ip: 'ip' });
    expect(await waitOf(throttle, { username: 'anna', ip: 'ip' })).toBe(300);
    expect(await waitOf(throttle, { username: 'carl', ip: 'ip' })).toBe(300);
    expect(await waitOf(throttle, { username: 'carl', ip: 'elsewhere' })).toBe(0);
  });

  it('counts an attempt in flight against both the username and the address', async () => {
    const throttle = createLoginThrottle({ perUsername: { limit: 1, windowMs: minute }, perIp: { limit: 2, windowMs: minute }, now: () => 0 });
    const first = await throttle.begin({ username: 'anna', ip: 'ip' });
    expect(await waitOf(throttle, { username: 'anna', ip: 'other' })).toBeGreaterThan(0);
    const second = await throttle.begin({ username: 'bob', ip: 'ip' });
    expect(second.allowed).toBe(true);
    expect(await waitOf(throttle, { username: 'carl', ip: 'ip' })).toBeGreaterThan(0);
    if (first.allowed) await first.attempt.release();
    expect(await waitOf(throttle, { username: 'anna', ip: 'other' })).toBe(0);
    expect(await waitOf(throttle, { username: 'carl', ip: 'ip' })).toBe(0);
  });

  it('a success clears the username count but not the address count', async () => {
    const throttle = createLoginThrottle({ perUsername: { limit: 2, windowMs: minute }, perIp: { limit: 3, windowMs: minute }, now: () => 0 });
    await failOnce(throttle, { username: 'anna', ip: 'ip' });
    const lucky = await throttle.begin({ username: 'anna', ip: 'ip' });
    if (!lucky.allowed) throw new Error('refused');
    await lucky.attempt.succeed();
    await failOnce(throttle, { username: 'anna', ip: 'ip' });
    expect(await waitOf(throttle, { username: 'anna', ip: 'other' })).toBe(0);
    expect(await waitOf(throttle, { username: 'carl', ip: 'ip' })).toBe(0);
    await failOnce(throttle, { username: 'dora', ip: 'ip' });
    expect(await waitOf(throttle, { username: 'carl', ip: 'ip' })).toBeGreaterThan(0);
  });
});
