import type { Cashout } from '../../shared/api.ts';
import { api } from '../api.ts';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { Receipt } from '../components/receipt.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { formatTime, t } from '../i18n/index.ts';
import { useLoad } from '../use-load.ts';

interface CashoutRecordProps {
  /** The history row that was opened; the device keeps only a summary, so the rest is read from the server. */
  row: Pick<Cashout, 'id' | 'createdAt'>;
  shopName: string | null;
  onBack: () => void;
}

/** One cash-out of the history, opened from its row: its receipt, to read again or reprint. */
export function CashoutRecord({ row, shopName, onBack }: CashoutRecordProps) {
  const { loaded: cashout, failure } = useLoad(() => api.cashout(row.id), [row.id]);
  return (
    <ScreenFrame name="cashout-record" title={t('history.cashout', { time: formatTime(row.createdAt) })} onBack={onBack}>
      {failure && <FailureAlert failure={failure} />}
      {!cashout && !failure && <Progress label={t('history.loading')} />}
      {cashout && (
        <p>
          <span class={`status status--${cashout.status}`} data-testid="record-status">
            {t(`status.${cashout.status}`)}
          </span>
        </p>
      )}
      {cashout && <Receipt cashout={cashout} shopName={shopName} />}
      {/* Only money Paysera has moved gets a receipt on paper; the other records are for looking up. */}
      {cashout?.status === 'confirmed' && (
        <button type="button" class="button button--secondary button--wide no-print" data-testid="record-print" onClick={() => window.print()}>
          {t('give.print')}
        </button>
      )}
    </ScreenFrame>
  );
}
