import { describe, expect, it } from 'vitest';
import { codeFingerprint } from '../../web/refused-codes.ts';

describe('codeFingerprint', () => {
  it('is the same for a code however it was typed and differs between codes', async () => {
    const code = '7301234567890123456789012345';
    const print = await codeFingerprint(code);
    expect(print).toMatch(/^[0-9a-f]{64}$/);
    expect(await codeFingerprint(' 7301-2345 6789 0123 4567 8901 2345 ')).toBe(print);
    expect(await codeFingerprint('7301234567890123456789012346')).not.toBe(print);
  });
});
