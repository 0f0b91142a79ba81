import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from '../../../server/auth/login-throttle.ts';

const minute = 60_000;

describe('createLoginThrottle', () => {
  it('defaults to 5 failures per username in 15 minutes, whatever the case typed', () => {
    let now = 0;
    const throttle = createLoginThrottle({ now: () => now });
    for (let index = 0; index < 5; index += 1) throttle.fail({ username: index % 2 ? 'Anna' : 'anna ', ip: `10.0.0.${index}` });
    expect(throttle.check({ username: 'anna', ip: '10.0.0.99' })).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
    now += 15 * minute;
    expect(throttle.check({ username: 'anna', ip: '10.0.0.99' }).allowed).toBe(true);
  });

  it('defaults to 20 failures per IP across usernames', () => {
    const throttle = createLoginThrottle({ now: () => 0 });
    for (let index = 0; index < 20; index += 1) throttle.fail({ username: `user${index}`, ip: '10.0.0.1' });
    expect(throttle.check({ username: 'fresh', ip: '10.0.0.1' }).allowed).toBe(false);
    expect(throttle.check({ username: 'fresh', ip: '10.0.0.2' }).allowed).toBe(true);
  });

  it('takes the longer wait of the two limits', () => {
    let now = 0;
    const throttle = createLoginThrottle({ perUsername: { limit: 1, windowMs: minute }, perIp: { limit: 2, windowMs: 10 * minute }, now: () => now });
    throttle.fail({ username: 'anna', ip: 'ip' });
    now += 30_000;
    throttle.fail({ username: 'bob', ip: 'ip' });
    expect(throttle.check({ username: 'anna', ip: 'ip' })).toEqual({ allowed: false, retryAfterSeconds: 570 });
  });

  it('a success clears the username count but not the IP count', () => {
    const throttle = createLoginThrottle({ perUsername: { limit: 2, windowMs: minute }, perIp: { limit: 3, windowMs: minute }, now: () => 0 });
    throttle.fail({ username: 'anna', ip: 'ip' });
    throttle.fail({ username: 'anna', ip: 'ip' });
    throttle.succeed({ username: 'anna', ip: 'ip' });
    expect(throttle.check({ username: 'anna', ip: 'other' }).allowed).toBe(true);
    throttle.fail({ username: 'anna', ip: 'ip' });
    expect(throttle.check({ username: 'carl', ip: 'ip' }).allowed).toBe(false);
  });
});
