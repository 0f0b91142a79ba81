import { createHash, randomBytes } from 'node:crypto';

const tokenBytes = 32;
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/** A fresh cookie token: 32 random bytes, base64url. */
export function newSessionToken(): string {
  return randomBytes(tokenBytes).toString('base64url');
}

export function isSessionTokenShaped(token: string): boolean {
  return tokenShape.test(token);
}

/** What the store keeps instead of the token, so a copy of the database cannot sign anyone in. */
export function sessionIdHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
