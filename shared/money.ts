/**
 * Money is integer cents from the moment a string enters the system. Parsing works on the
 * characters, never through floating point, so "19.99" is 1999 exactly.
 */
export const currencies = ['EUR', 'USD', 'GBP', 'PLN', 'CZK', 'SEK', 'NOK', 'DKK', 'CHF'] as const;
export type Currency = (typeof currencies)[number];

/** Largest amount the parser accepts: 10^9 cents. Far above any cash-desk limit, far below 2^53. */
export const maxCents = 1_000_000_000;

export type ParseResult = { ok: true; cents: number } | { ok: false; reason: string };

const canonical = /^(0|[1-9][0-9]*)(?:\.([0-9]{1,2}))?$/;

export function parseAmount(input: string): ParseResult {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, reason: 'Enter an amount.' };
  if (input !== input.trim()) return { ok: false, reason: 'The amount must not contain spaces.' };
  if (input.startsWith('-')) return { ok: false, reason: 'The amount must be positive.' };
  const match = canonical.exec(input);
  if (!match) {
    if (/^[0-9]+\.[0-9]{3,}$/.test(input)) return { ok: false, reason: 'Use at most two decimals.' };
    return { ok: false, reason: 'Write the amount as digits with an optional point and two decimals, like 50.00.' };
  }
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').padEnd(2, '0');
  if (whole.length > 8) return { ok: false, reason: 'The amount is too large.' };
  const cents = Number(whole) * 100 + Number(fraction);
  if (cents === 0) return { ok: false, reason: 'The amount must be more than zero.' };
  if (cents > maxCents) return { ok: false, reason: 'The amount is too large.' };
  return { ok: true, cents };
}

/** Cents to the canonical decimal string the API uses: 1999 → "19.99". */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`not a cents value: ${cents}`);
  const whole = Math.floor(cents / 100);
  const fraction = String(cents % 100).padStart(2, '0');
  return `${whole}.${fraction}`;
}

export function isCurrency(value: string): value is Currency {
  return (currencies as readonly string[]).includes(value);
}

/** A counted amount of cash, where nothing at all is a valid count: "0" or "0.00" is 0, anything else as parseAmount. */
export function parseCount(input: string): ParseResult {
  if (typeof input === 'string' && /^0(?:\.0{1,2})?$/.test(input)) return { ok: true, cents: 0 };
  return parseAmount(input);
}

/** A difference in cents, which may be below zero: -1250 → "-12.50". */
export function formatSignedCents(cents: number): string {
  return cents < 0 ? `-${formatCents(-cents)}` : formatCents(cents);
}
