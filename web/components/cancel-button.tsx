import { useState } from 'preact/hooks';
import type { Cashout } from '../../shared/api.ts';
import { api } from '../api.ts';
import { screenAfterError, screenForCashout, type FlowControl } from '../flow.ts';
import { t } from '../i18n/index.ts';
import { Progress } from './progress.tsx';

/** Revokes the cash-out at Paysera; an unclear answer goes to the checking screen, never home. */
export function CancelButton({ cashout, flow, onStart }: { cashout: Cashout; flow: FlowControl; onStart?: () => void }) {
  const [busy, setBusy] = useState(false);
  async function cancel() {
    setBusy(true);
    onStart?.();
    try {
      const result = await api.cancel(cashout.id);
      if (result.status === 'cancelled') flow.finish('cancelled');
      else flow.show(screenForCashout(result));
    } catch (error) {
      flow.show(screenAfterError(cashout, error));
    }
  }
  if (busy) return <Progress label={t('cashout.cancelling')} />;
  return (
    <button type="button" class="button button--secondary" data-testid="cancel-cashout" onClick={cancel}>
      {t('cashout.cancel')}
    </button>
  );
}
