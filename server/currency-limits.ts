import { type Currency, currencies, isCurrency, parseAmount } from '../shared/money.ts';

/**
 * The accepted currencies and each one's limits, from CURRENCIES and the MAX_AMOUNT,
 * SUPERVISOR_THRESHOLD and DAILY_CAP families of variables. A limit is meaningless without its
 * currency (300.00 EUR is not 300.00 GBP), so nothing here carries over from one currency to another.
 */

export interface CurrencyLimits {
  currency: Currency;
  maxAmountCents: number;
  supervisorThresholdCents: number;
  /** What one cashier may pay out per local day in this currency; null = no cap. */
  dailyCapCents: number | null;
}

export type CurrencyLimitsResult = { ok: true; limits: readonly CurrencyLimits[] } | { ok: false; errors: string[] };

type Env = Record<string, string | undefined>;

const families = ['MAX_AMOUNT', 'SUPERVISOR_THRESHOLD', 'DAILY_CAP'] as const;
type Family = (typeof families)[number];

/** Only EUR has defaults: they are the figures the cash desk was designed around. */
const eurDefaults = { MAX_AMOUNT: 100_000, SUPERVISOR_THRESHOLD: 30_000 } as const;

function setting(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function parseCurrencies(text: string | undefined, errors: string[]): Currency[] {
  if (text === undefined) return ['EUR'];
  const listed = text.split(',').map((code) => code.trim().toUpperCase());
  const unknown = listed.find((code) => !isCurrency(code));
  if (unknown !== undefined) {
    errors.push(`CURRENCIES: ${JSON.stringify(unknown)} is not one of ${currencies.join(', ')}`);
    return [];
  }
  if (new Set(listed).size !== listed.length) {
    errors.push(`CURRENCIES: ${JSON.stringify(text)} names a currency twice`);
    return [];
  }
  return listed as Currency[];
}

export function parseCurrencyLimits(env: Env): CurrencyLimitsResult {
  const errors: string[] = [];
  const accepted = parseCurrencies(setting(env, 'CURRENCIES'), errors);
  // Every other message names the accepted currencies; without them they would only confuse.
  if (accepted.length === 0) return { ok: false, errors };
  const single = accepted.length === 1;

  for (const name of Object.keys(env)) {
    const match = /^(MAX_AMOUNT|SUPERVISOR_THRESHOLD|DAILY_CAP)_([A-Z]{3})$/.exec(name);
    if (match && setting(env, name) !== undefined && !(accepted as string[]).includes(match[2] ?? '')) {
      errors.push(`${name}: ${match[2]} is not in CURRENCIES (${accepted.join(',')})`);
    }
  }
  if (!single) {
    for (const family of families) {
      if (setting(env, family) === undefined) continue;
      const named = accepted.map((code) => `${family}_${code}`).join(', ');
      errors.push(`${family}: applies only when one currency is accepted; with CURRENCIES=${accepted.join(',')} set ${named}`);
    }
  }

  /** The value of `family` for `currency` in cents and the variable it came from; undefined when unset, null when bad. */
  function read(family: Family, currency: Currency): { cents: number; name: string } | undefined | null {
    const suffixed = `${family}_${currency}`;
    const name = setting(env, suffixed) !== undefined ? suffixed : single ? family : suffixed;
    const text = setting(env, name);
    if (text === undefined) return undefined;
    const parsed = parseAmount(text);
    if (!parsed.ok) {
      errors.push(`${name}: ${JSON.stringify(text)} is not an amount like 1000.00`);
      return null;
    }
    return { cents: parsed.cents, name };
  }

  function required(family: 'MAX_AMOUNT' | 'SUPERVISOR_THRESHOLD', currency: Currency) {
    const found = read(family, currency);
    if (found !== undefined) return found;
    if (currency === 'EUR') return { cents: eurDefaults[family], name: family };
    const name = single ? `${family} (or ${family}_${currency})` : `${family}_${currency}`;
    errors.push(`${name}: is not set; ${currency} has no default limits, so set them for it`);
    return undefined;
  }

  const limits = accepted.map((currency) => {
    const max = required('MAX_AMOUNT', currency);
    const threshold = required('SUPERVISOR_THRESHOLD', currency);
    const cap = read('DAILY_CAP', currency);
    if (max && threshold && threshold.cents > max.cents) errors.push(`${threshold.name}: must not be above ${max.name}`);
    return Object.freeze({
      currency,
      maxAmountCents: max?.cents ?? 0,
      supervisorThresholdCents: threshold?.cents ?? 0,
      dailyCapCents: cap?.cents ?? null,
    });
  });
  // A cap on some currencies only would leave the others as a way round it.
  const capped = limits.filter((entry) => entry.dailyCapCents !== null).map((entry) => entry.currency);
  if (capped.length > 0) {
    for (const entry of limits) {
      if (entry.dailyCapCents !== null) continue;
      errors.push(`DAILY_CAP_${entry.currency}: is not set while DAILY_CAP_${capped[0]} is; with a daily cap, every accepted currency needs one`);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, limits: Object.freeze(limits) };
}
