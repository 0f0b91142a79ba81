import { useState } from 'preact/hooks';
import type { Cashout } from '../../shared/api.ts';
import { api } from '../api.ts';
import { screenAfterError, screenForCashout, type FlowControl } from '../flow.ts';
import { t } from '../i18n/index.ts';
import { Progress } from './progress.tsx';

/**
 * What the revoke is for: a plain cancel goes home; "change amount" (the customer has too little
 * money) opens the amount screen with this amount typed in, for the cashier to lower.
 */
const purposes = {
  cancel: { label: 'cashout.cancel', testId: 'cancel-cashout', className: 'button button--secondary', keepAmount: false },
  'change-amount': { label: 'error.changeAmount', testId: 'error-change-amount', className: 'button button--primary button--wide', keepAmount: true },
} as const;

interface CancelButtonProps {
  cashout: Cashout;
  flow: FlowControl;
  onStart?: () => void;
  purpose?: keyof typeof purposes;
}

/** Revokes the cash-out at Paysera; an unclear answer goes to the checking screen, never home. */
export function CancelButton({ cashout, flow, onStart, purpose = 'cancel' }: CancelButtonProps) {
  const [busy, setBusy] = useState(false);
  const { label, testId, className, keepAmount } = purposes[purpose];
  async function cancel() {
    setBusy(true);
    onStart?.();
    try {
      const result = await api.cancel(cashout.id);
      if (result.status !== 'cancelled') flow.show(screenForCashout(result));
      else if (keepAmount) flow.finish('cancelled', { amount: cashout.amount, currency: cashout.currency });
      else flow.finish('cancelled');
    } catch (error) {
      flow.show(screenAfterError(cashout, error));
    }
  }
  if (busy) return <Progress label={t('cashout.cancelling')} />;
  return (
    <button type="button" class={className} data-testid={testId} onClick={cancel}>
      {t(label)}
    </button>
  );
}
