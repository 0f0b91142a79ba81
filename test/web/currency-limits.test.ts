import { describe, expect, it } from 'vitest';
import { limitsFor } from '../../web/currency-limits.ts';
import { config } from './cashout-fixture.ts';

const twoCurrencies = {
  ...config,
  currencies: ['EUR' as const, 'GBP' as const],
  limits: [...config.limits, { currency: 'GBP' as const, maxAmount: '500.00', supervisorThreshold: '250.00', dailyCap: null }],
};

describe('limitsFor', () => {
  it('gives each currency its own limits', () => {
    expect(limitsFor(twoCurrencies, 'GBP')).toMatchObject({ maxAmount: '500.00', supervisorThreshold: '250.00' });
    expect(limitsFor(twoCurrencies, 'EUR')).toMatchObject({ maxAmount: '1000.00', supervisorThreshold: '300.00' });
  });

  it('falls back to the default currency\'s limits for one the server no longer lists', () => {
    expect(limitsFor(twoCurrencies, 'USD')).toMatchObject({ maxAmount: '1000.00', supervisorThreshold: '300.00' });
  });
});
