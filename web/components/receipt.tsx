import type { Cashout } from '../../shared/api.ts';
import { formatDateTime, formatMoney, t } from '../i18n/index.ts';
import './receipt.css';

interface ReceiptLine {
  label: string;
  value: string;
  /** The cash-out's id: what a dispute is traced by, so it is printed whole on one line (receipt.css). */
  reference?: true;
}

function receiptLines(cashout: Cashout): ReceiptLine[] {
  const lines: ReceiptLine[] = [
    { label: t('receipt.amount'), value: formatMoney(cashout.amount, cashout.currency) },
    { label: t('receipt.time'), value: formatDateTime(cashout.confirmedAt ?? cashout.createdAt) },
    { label: t('receipt.transaction'), value: cashout.transactionKey ?? '—' },
    { label: t('receipt.reference'), value: cashout.id, reference: true },
    { label: t('receipt.cashier'), value: cashout.cashier },
  ];
  if (cashout.approvedBy) lines.push({ label: t('receipt.approvedBy'), value: cashout.approvedBy });
  return lines;
}

/** The plain text of a receipt, for sharing. */
export function receiptText(cashout: Cashout, shopName: string | null): string {
  const head = shopName ? [shopName, t('receipt.title')] : [t('receipt.title')];
  return [...head, ...receiptLines(cashout).map(({ label, value }) => `${label}: ${value}`)].join('\n');
}

/** The receipt as shown and printed: the shop, the lines, and a line for the customer's signature. */
export function Receipt({ cashout, shopName }: { cashout: Cashout; shopName: string | null }) {
  return (
    <section class="receipt" aria-label={t('receipt.title')} data-testid="receipt">
      {shopName && (
        <p class="receipt__shop" data-testid="receipt-shop">
          {shopName}
        </p>
      )}
      <h2 class="receipt__title">{t('receipt.title')}</h2>
      <dl>
        {receiptLines(cashout).map(({ label, value, reference }) => (
          <div class={reference ? 'receipt__line receipt__line--reference' : 'receipt__line'} key={label}>
            <dt>{label}</dt>
            <dd data-testid={reference ? 'receipt-reference' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
      <div class="receipt__signature" data-testid="receipt-signature">
        {t('receipt.signature')}
      </div>
    </section>
  );
}
