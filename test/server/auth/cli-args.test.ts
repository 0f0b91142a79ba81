import { describe, expect, it } from 'vitest';
import { parseUserArgs } from '../../../server/auth/cli-args.ts';

describe('parseUserArgs', () => {
  it('parses add with --role in either form', () => {
    expect(parseUserArgs(['add', 'anna', '--role', 'cashier'])).toEqual({ ok: true, command: { kind: 'add', username: 'anna', role: 'cashier' } });
    expect(parseUserArgs(['add', '--role=admin', 'zoe'])).toEqual({ ok: true, command: { kind: 'add', username: 'zoe', role: 'admin' } });
  });

  it('parses list, disable, passwd and help', () => {
    expect(parseUserArgs(['list'])).toEqual({ ok: true, command: { kind: 'list' } });
    expect(parseUserArgs(['disable', 'anna'])).toEqual({ ok: true, command: { kind: 'disable', username: 'anna' } });
    expect(parseUserArgs(['passwd', 'anna'])).toEqual({ ok: true, command: { kind: 'passwd', username: 'anna' } });
    expect(parseUserArgs(['--help'])).toEqual({ ok: true, command: { kind: 'help' } });
  });

  it.each([
    [[], /Name a command/],
    [['remove', 'anna'], /Unknown command "remove"/],
    [['add', 'anna'], /needs --role/],
    [['add', 'anna', '--role'], /needs --role/],
    [['add', '--role', 'cashier'], /needs a username/],
    [['add', 'anna', '--role', 'boss'], /role must be one of/],
    [['add', 'anna', 'bob', '--role', 'cashier'], /Unexpected argument "bob"/],
    [['add', 'anna', '--password', 'x', '--role', 'cashier'], /Unexpected argument "--password"/],
    [['list', 'extra'], /no arguments/],
    [['disable'], /exactly one username/],
    [['passwd', 'anna', 'bob'], /exactly one username/],
    [['disable', '--all'], /exactly one username/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseUserArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
