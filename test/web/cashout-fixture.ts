import type { Cashout, ConfigResponse } from '../../shared/api.ts';

/** The configuration the demo server answers with. */
export const config: ConfigResponse = {
  maxAmount: '1000.00',
  supervisorThreshold: '300.00',
  currencies: ['EUR'],
  defaultCurrency: 'EUR',
  limits: [{ currency: 'EUR', maxAmount: '1000.00', supervisorThreshold: '300.00', dailyCap: null }],
  reserveSeconds: 300,
  maxCodeAttempts: 3,
  demo: true,
  shopName: null,
  requireShift: false,
  tillTolerance: '0.00',
};

/** A cash-out as the API returns it, reserved and waiting for confirmation unless `overrides` say otherwise. */
export function cashout(overrides: Partial<Cashout> = {}): Cashout {
  return {
    id: 'c-1',
    status: 'reserved',
    amount: '50.00',
    currency: 'EUR',
    transactionKey: 'tx-key',
    createdAt: '2026-11-26T10:00:00.000Z',
    expiresAt: '2026-11-26T10:05:00.000Z',
    cashier: 'ona',
    approvalRequired: false,
    approvedBy: null,
    confirmedAt: null,
    attemptsLeft: 3,
    ...overrides,
  };
}
