import type { ConfigResponse, CurrencyLimits } from '../shared/api.ts';

/**
 * Each currency has its own limits: 300.00 EUR and 300.00 GBP are different amounts of money. A
 * currency the server no longer lists falls back to the default's, as the top-level fields say.
 */
export function limitsFor(config: ConfigResponse, currency: string): Pick<CurrencyLimits, 'maxAmount' | 'supervisorThreshold'> {
  return config.limits.find((entry) => entry.currency === currency) ?? config;
}
