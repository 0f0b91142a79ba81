import { afterEach, describe, expect, it, vi } from 'vitest';
import { generatedPasswordLength, generatePassword, passwordAlphabet } from '../../web/password-generator.ts';

afterEach(() => vi.restoreAllMocks());

describe('generatePassword', () => {
  it('makes passwords of at least 16 characters, only from the alphabet', () => {
    expect(generatedPasswordLength).toBeGreaterThanOrEqual(16);
    for (let round = 0; round < 200; round++) {
      const password = generatePassword();
      expect(password).toHaveLength(generatedPasswordLength);
      expect([...password].every((character) => passwordAlphabet.includes(character)), password).toBe(true);
    }
  });

  it('uses no character that reads like another', () => {
    for (const ambiguous of '0Oo1lIi') expect(passwordAlphabet).not.toContain(ambiguous);
    expect(new Set(passwordAlphabet).size).toBe(passwordAlphabet.length);
  });

  it('draws from the cryptographic random source, and draws again rather than favour the first characters', () => {
    const limit = 256 - (256 % passwordAlphabet.length);
    let call = 0;
    const spy = vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      const bytes = array as unknown as Uint8Array;
      // First fill: only bytes at or above the limit, which must all be dropped; then 0, 1, 2, …
      bytes.forEach((_, index) => {
        bytes[index] = call === 0 ? limit + (index % (256 - limit)) : index;
      });
      call++;
      return array;
    });
    expect(generatePassword(5)).toBe(passwordAlphabet.slice(0, 5));
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('gives a different password each time', () => {
    const seen = new Set(Array.from({ length: 100 }, () => generatePassword()));
    expect(seen.size).toBe(100);
  });
});
