/**
 * Letters and digits that cannot be mistaken for one another when read aloud or copied by hand:
 * no 0/O/o, 1/l/I/i. 55 characters, so 20 of them carry about 115 bits.
 */
export const passwordAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz';
export const generatedPasswordLength = 20;

/** Bytes at or above this would favour the first characters of the alphabet; they are drawn again. */
const unbiasedLimit = 256 - (256 % passwordAlphabet.length);

/** A new password made on this device from the browser's cryptographic random source. */
export function generatePassword(length = generatedPasswordLength): string {
  let password = '';
  const bytes = new Uint8Array(length * 2);
  while (password.length < length) {
    crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      if (byte < unbiasedLimit && password.length < length) password += passwordAlphabet[byte % passwordAlphabet.length];
    }
  }
  return password;
}
