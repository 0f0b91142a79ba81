import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

const cost = { N: 16384, r: 8, p: 1 } as const;
const saltBytes = 16;
const keyBytes = 64;
// Bounds on what a stored hash may ask for, so a tampered row cannot make one login eat the server.
const maxMemoryBytes = 256 * 1024 * 1024;
const maxN = 2 ** 20;
const maxRp = 32;

function derive(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, { ...options, maxmem: maxMemoryBytes }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Encoded as `scrypt$N$r$p$saltB64$hashB64` so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, keyBytes, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  try {
    const key = await derive(password, parsed.salt, parsed.key.length, { N: parsed.N, r: parsed.r, p: parsed.p });
    return timingSafeEqual(key, parsed.key);
  } catch {
    return false;
  }
}

// Zero salt and zero key: a well-formed hash that no password matches (scrypt never yields 64 zero bytes).
const dummyStored = ['scrypt', cost.N, cost.r, cost.p, Buffer.alloc(saltBytes).toString('base64'), Buffer.alloc(keyBytes).toString('base64')].join('$');

/** Costs what verifyPassword costs and always fails: used for unknown usernames so timing does not reveal them. */
export async function dummyVerify(password: string): Promise<false> {
  await verifyPassword(password, dummyStored);
  return false;
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseStored(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(parseCount);
  const salt = decodeBase64(parts[4] ?? '');
  const key = decodeBase64(parts[5] ?? '');
  if (N === undefined || r === undefined || p === undefined || !salt || !key) return null;
  if (N < 2 || N > maxN || (N & (N - 1)) !== 0 || r < 1 || r > maxRp || p < 1 || p > maxRp) return null;
  if (salt.length < saltBytes || key.length < 32 || key.length > 128) return null;
  return { N, r, p, salt, key };
}

function parseCount(text: string | undefined): number | undefined {
  return text !== undefined && /^[1-9][0-9]{0,7}$/.test(text) ? Number(text) : undefined;
}

/** Node's decoder skips bad characters silently; re-encoding catches an edited string. */
function decodeBase64(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  return bytes.length > 0 && bytes.toString('base64') === text ? bytes : null;
}
