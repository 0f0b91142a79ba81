import { describe, expect, it } from 'vitest';
import { dummyVerify, hashPassword, verifyPassword } from '../../../server/auth/passwords.ts';

describe('passwords', () => {
  it('hashes to scrypt$N$r$p$salt$hash with a fresh salt each time', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{86}==$/);
    expect(first).not.toBe(second);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('refuses tampered and malformed hash strings instead of throwing', async () => {
    const stored = await hashPassword('correct horse battery');
    const parts = stored.split('$');
    const withPart = (index: number, value: string) => parts.map((part, i) => (i === index ? value : part)).join('$');
    const key = parts[5] ?? '';
    const flipped = `${key[0] === 'A' ? 'B' : 'A'}${key.slice(1)}`;
    for (const tampered of [
      withPart(5, flipped),
      withPart(1, '8192'),
      withPart(1, '16383'),
      withPart(1, '1073741824'),
      withPart(2, '0'),
      withPart(0, 'bcrypt'),
      withPart(4, '!!!!'),
      withPart(5, ''),
      parts.slice(0, 5).join('$'),
      '',
      'plaintext',
    ]) {
      expect(await verifyPassword('correct horse battery', tampered), tampered).toBe(false);
    }
  });

  it('dummyVerify always fails', async () => {
    expect(await dummyVerify('anything at all')).toBe(false);
  });
});
