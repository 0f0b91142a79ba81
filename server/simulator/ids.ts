import { randomInt, randomUUID } from 'node:crypto';

const alphanumerics = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Shaped like the documented example key `ATaNL6X6CivO2Ou0FMPt`. */
export function randomTransactionKey(): string {
  return randomString(alphanumerics, 20);
}

/** Shaped like the one documented code `0155567464130298871198969060`: 28 digits, leading zeros allowed. */
export function randomReservationCode(): string {
  return randomString('0123456789', 28);
}

export function randomCorrelationId(): string {
  return randomUUID();
}
