import { useEffect } from 'preact/hooks';
import type { Cashout } from '../../shared/api.ts';
import { Receipt, receiptText } from '../components/receipt.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import type { FlowControl } from '../flow.ts';
import { formatDateTime, formatMoney, t } from '../i18n/index.ts';
import { playSuccessFeedback, type SuccessFeedbackSettings } from '../success-feedback.ts';

interface GiveCashProps {
  cashout: Cashout;
  shopName: string | null;
  feedback: SuccessFeedbackSettings;
  flow: FlowControl;
}

/** Shown only for a cash-out the server reports `confirmed`: Paysera has moved the money. */
export function GiveCashScreen({ cashout, shopName, feedback, flow }: GiveCashProps) {
  const canShare = typeof navigator.share === 'function';
  const amount = formatMoney(cashout.amount, cashout.currency);

  useEffect(() => playSuccessFeedback(feedback), []);

  function share() {
    navigator.share({ title: t('receipt.title'), text: receiptText(cashout, shopName) }).catch(() => undefined);
  }

  return (
    <ScreenFrame name="give-cash" title={t('give.title', { amount })} tone="success">
      {/* As large as on the verify screen: the cashier counts the notes against this figure. */}
      <p class="give__amount no-print" data-testid="give-amount" aria-hidden="true">
        {amount}
      </p>
      {cashout.confirmedAt && <p class="lead">{t('give.confirmedAt', { time: formatDateTime(cashout.confirmedAt) })}</p>}
      <Receipt cashout={cashout} shopName={shopName} />
      <div class="tools no-print">
        <button type="button" class="button button--secondary" onClick={() => window.print()}>
          {t('give.print')}
        </button>
        {canShare && (
          <button type="button" class="button button--secondary" onClick={share}>
            {t('give.share')}
          </button>
        )}
      </div>
      <button type="button" class="button button--primary button--wide no-print" data-testid="new-cashout" onClick={() => flow.finish()}>
        {t('give.new')}
      </button>
    </ScreenFrame>
  );
}
