import { useState } from 'preact/hooks';
import type { Cashout } from '../../shared/api.ts';
import { api } from '../api.ts';
import { screenAfterError, screenForCashout, type FlowControl } from '../flow.ts';
import { t } from '../i18n/index.ts';
import { Progress } from './progress.tsx';

/**
 * The customer has too little money: revokes this cash-out at Paysera and opens the amount screen
 * with its amount typed in, for the cashier to lower. As with cancel, an unclear answer goes to the
 * checking screen, never home.
 */
export function ChangeAmountButton({ cashout, flow }: { cashout: Cashout; flow: FlowControl }) {
  const [busy, setBusy] = useState(false);
  async function change() {
    setBusy(true);
    try {
      const result = await api.cancel(cashout.id);
      if (result.status === 'cancelled') flow.finish('cancelled', { amount: cashout.amount, currency: cashout.currency });
      else flow.show(screenForCashout(result));
    } catch (error) {
      flow.show(screenAfterError(cashout, error));
    }
  }
  if (busy) return <Progress label={t('cashout.cancelling')} />;
  return (
    <button type="button" class="button button--primary button--wide" data-testid="error-change-amount" onClick={change}>
      {t('error.changeAmount')}
    </button>
  );
}
