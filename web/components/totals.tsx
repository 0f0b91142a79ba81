import type { Total } from '../../shared/api.ts';
import { formatMoney, t } from '../i18n/index.ts';

/** Sum and count per currency, under a heading of its own. */
export function Totals({ id, title, totals }: { id: string; title: string; totals: Total[] }) {
  return (
    <section class="totals" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul>
        {totals.map((total) => (
          <li key={total.currency}>
            <strong>{formatMoney(total.amount, total.currency)}</strong> · {t('history.count', { count: total.count })}
          </li>
        ))}
      </ul>
    </section>
  );
}
