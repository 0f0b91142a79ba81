import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config.ts';
import { parseCurrencyLimits } from '../../server/currency-limits.ts';

function limits(env: Record<string, string | undefined>) {
  const result = parseCurrencyLimits(env);
  if (!result.ok) throw new Error(`expected valid limits, got: ${result.errors.join('; ')}`);
  return result.limits;
}

function errors(env: Record<string, string | undefined>) {
  const result = parseCurrencyLimits(env);
  if (result.ok) throw new Error('expected the limits to be refused');
  return result.errors;
}

describe('parseCurrencyLimits', () => {
  it('accepts EUR only by default, with the documented limits', () => {
    expect(limits({})).toEqual([{ currency: 'EUR', maxAmountCents: 100_000, supervisorThresholdCents: 30_000, dailyCapCents: null }]);
  });

  it('applies the plain variables to the single accepted currency', () => {
    expect(limits({ CURRENCIES: 'GBP', MAX_AMOUNT: '500.00', SUPERVISOR_THRESHOLD: '250.00', DAILY_CAP: '2000' })).toEqual([
      { currency: 'GBP', maxAmountCents: 50_000, supervisorThresholdCents: 25_000, dailyCapCents: 200_000 },
    ]);
  });

  it('lets a per-currency variable override the plain one', () => {
    expect(limits({ MAX_AMOUNT: '1000.00', MAX_AMOUNT_EUR: '800.00' })[0]).toMatchObject({ maxAmountCents: 80_000 });
  });

  it('gives each of several currencies its own limits, in the order listed', () => {
    const env = { CURRENCIES: 'EUR, gbp', MAX_AMOUNT_GBP: '500.00', SUPERVISOR_THRESHOLD_GBP: '250.00', DAILY_CAP_EUR: '3000.00', DAILY_CAP_GBP: '2500.00' };
    expect(limits(env)).toEqual([
      { currency: 'EUR', maxAmountCents: 100_000, supervisorThresholdCents: 30_000, dailyCapCents: 300_000 },
      { currency: 'GBP', maxAmountCents: 50_000, supervisorThresholdCents: 25_000, dailyCapCents: 250_000 },
    ]);
    expect(limits({ ...env, DAILY_CAP_EUR: undefined, DAILY_CAP_GBP: undefined }).map((entry) => entry.dailyCapCents)).toEqual([null, null]);
  });

  it('refuses a daily cap on some currencies only, which the others would get round', () => {
    expect(errors({ CURRENCIES: 'EUR,GBP', MAX_AMOUNT_GBP: '500.00', SUPERVISOR_THRESHOLD_GBP: '250.00', DAILY_CAP_EUR: '3000.00' })).toEqual([
      'DAILY_CAP_GBP: is not set while DAILY_CAP_EUR is; with a daily cap, every accepted currency needs one',
    ]);
  });

  it('refuses a currency other than EUR without limits of its own, naming what to set', () => {
    expect(errors({ CURRENCIES: 'EUR,GBP' })).toEqual([
      'MAX_AMOUNT_GBP: is not set; GBP has no default limits, so set them for it',
      'SUPERVISOR_THRESHOLD_GBP: is not set; GBP has no default limits, so set them for it',
    ]);
    expect(errors({ CURRENCIES: 'GBP', MAX_AMOUNT: '500.00' })).toEqual([
      'SUPERVISOR_THRESHOLD (or SUPERVISOR_THRESHOLD_GBP): is not set; GBP has no default limits, so set them for it',
    ]);
  });

  it('refuses the plain variables when several currencies are accepted, since no one amount fits them all', () => {
    const env = { CURRENCIES: 'EUR,GBP', MAX_AMOUNT: '1000.00', MAX_AMOUNT_GBP: '500.00', SUPERVISOR_THRESHOLD_GBP: '250.00' };
    expect(errors(env)).toEqual(['MAX_AMOUNT: applies only when one currency is accepted; with CURRENCIES=EUR,GBP set MAX_AMOUNT_EUR, MAX_AMOUNT_GBP']);
  });

  it('refuses limits for a currency that is not accepted, so a typo cannot go unnoticed', () => {
    expect(errors({ SUPERVISOR_THRESHOLD_GBP: '250.00' })).toEqual(['SUPERVISOR_THRESHOLD_GBP: GBP is not in CURRENCIES (EUR)']);
  });

  it('names the variable of a bad value', () => {
    expect(errors({ CURRENCIES: 'EUR,XYZ' })[0]).toMatch(/^CURRENCIES: "XYZ" is not one of EUR, USD/);
    expect(errors({ CURRENCIES: 'EUR,EUR', MAX_AMOUNT: '1.00', MAX_AMOUNT_GBP: '1.00' })).toEqual(['CURRENCIES: "EUR,EUR" names a currency twice']);
    expect(errors({ CURRENCIES: 'EUR,GBP', MAX_AMOUNT_GBP: '5,00', SUPERVISOR_THRESHOLD_GBP: '1.00' })).toEqual([
      'MAX_AMOUNT_GBP: "5,00" is not an amount like 1000.00',
    ]);
    expect(errors({ CURRENCIES: 'EUR,GBP', MAX_AMOUNT_GBP: '200.00', SUPERVISOR_THRESHOLD_GBP: '250.00' })).toEqual([
      'SUPERVISOR_THRESHOLD_GBP: must not be above MAX_AMOUNT_GBP',
    ]);
  });
});

describe('parseConfig with currency limits', () => {
  it('carries the per-currency limits into the configuration', () => {
    const parsed = parseConfig({ CURRENCIES: 'EUR,GBP', MAX_AMOUNT_GBP: '500.00', SUPERVISOR_THRESHOLD_GBP: '250.00' });
    expect(parsed).toMatchObject({ ok: true, config: { limits: [{ currency: 'EUR' }, { currency: 'GBP', supervisorThresholdCents: 25_000 }] } });
  });

  it('reports limit errors together with the other variables\' errors', () => {
    expect(parseConfig({ PORT: 'x', CURRENCIES: 'XYZ' })).toMatchObject({
      ok: false,
      errors: ['PORT: "x" is not a whole number from 0 to 65535', expect.stringMatching(/^CURRENCIES: "XYZ"/)],
    });
  });

  it('requires AUDIT_KEY in live mode and never echoes it', () => {
    const live = { PAYSERA_CLIENT_ID: 'wkVd93h2uS', PAYSERA_MAC_KEY: 'IrdTc8uQodU7PRpLzzLTW6wqZAO6tAMU' };
    expect(parseConfig(live)).toMatchObject({ ok: false, errors: [expect.stringMatching(/^AUDIT_KEY: is required in live mode/)] });
    const short = parseConfig({ ...live, AUDIT_KEY: 'short-secret' });
    expect(short).toMatchObject({ ok: false, errors: [expect.stringMatching(/^AUDIT_KEY: must be at least 32 characters/)] });
    expect(JSON.stringify(short)).not.toContain('short-secret');
    expect(parseConfig({ ...live, AUDIT_KEY: 'k'.repeat(32) })).toMatchObject({ ok: true, config: { auditKey: 'k'.repeat(32) } });
  });
});
