import type { Cashout } from '../../shared/api.ts';
import { ScreenFrame } from '../components/screen-frame.tsx';
import type { FlowControl } from '../flow.ts';
import { formatDateTime, formatMoney, t } from '../i18n/index.ts';

function receiptLines(cashout: Cashout): [string, string][] {
  const lines: [string, string][] = [
    [t('receipt.amount'), formatMoney(cashout.amount, cashout.currency)],
    [t('receipt.time'), formatDateTime(cashout.confirmedAt ?? cashout.createdAt)],
    [t('receipt.transaction'), cashout.transactionKey ?? '—'],
    [t('receipt.reference'), cashout.id],
    [t('receipt.cashier'), cashout.cashier],
  ];
  if (cashout.approvedBy) lines.push([t('receipt.approvedBy'), cashout.approvedBy]);
  return lines;
}

/** Shown only for a cash-out the server reports `confirmed`: Paysera has moved the money. */
export function GiveCashScreen({ cashout, flow }: { cashout: Cashout; flow: FlowControl }) {
  const lines = receiptLines(cashout);
  const canShare = typeof navigator.share === 'function';

  function share() {
    const text = [t('receipt.title'), ...lines.map(([label, value]) => `${label}: ${value}`)].join('\n');
    navigator.share({ title: t('receipt.title'), text }).catch(() => undefined);
  }

  return (
    <ScreenFrame name="give-cash" title={t('give.title', { amount: formatMoney(cashout.amount, cashout.currency) })} tone="success">
      {cashout.confirmedAt && <p class="lead">{t('give.confirmedAt', { time: formatDateTime(cashout.confirmedAt) })}</p>}
      <section class="receipt" aria-label={t('receipt.title')}>
        <h2 class="receipt__title">{t('receipt.title')}</h2>
        <dl>
          {lines.map(([label, value]) => (
            <div class="receipt__line" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
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
