import { useEffect, useState } from 'preact/hooks';
import type { CashoutStatus, User } from '../../shared/api.ts';
import { api } from '../api.ts';
import { type Column, DataTable } from '../components/data-table.tsx';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { Totals } from '../components/totals.tsx';
import { localDate } from '../../shared/local-date.ts';
import type { Screen } from '../flow.ts';
import { formatMoney, formatTime, t } from '../i18n/index.ts';
import type { CachedHistory, Storage } from '../storage.ts';
import { useLoad } from '../use-load.ts';

interface HistoryProps {
  user: User;
  storage: Storage;
  show: (screen: Screen) => void;
}

/** Today's cash-outs: the saved copy first for a quick look, then the server's list. */
export function HistoryScreen({ user, storage, show }: HistoryProps) {
  const [date] = useState(() => localDate(new Date()));
  const [saved, setSaved] = useState<CachedHistory | null>(null);
  const fresh = useLoad(async (): Promise<CachedHistory> => {
    const loaded = await api.history(date);
    storage.cacheHistory(user.username, loaded).catch(() => undefined);
    return { username: user.username, ...loaded };
  }, []);
  useEffect(() => {
    storage.cachedHistory(user.username, date).then(setSaved, () => undefined);
  }, []);
  const history = fresh.loaded ?? saved;
  const { failure } = fresh;

  return (
    <ScreenFrame name="history" title={t('history.title')} onBack={() => show({ name: 'amount' })}>
      {failure && <FailureAlert failure={failure} />}
      {!history && !failure && <Progress label={t('history.loading')} />}
      {history && !fresh.loaded && !failure && <p class="notice">{t('history.saved')}</p>}
      {history && (history.cashouts.length === 0 ? <p class="lead">{t('history.empty')}</p> : <HistoryTable history={history} seesAll={user.role !== 'cashier'} />)}
      {history && history.totals.length > 0 && <Totals id="history-totals" title={t('history.totals')} totals={history.totals} />}
    </ScreenFrame>
  );
}

function HistoryTable({ history, seesAll }: { history: CachedHistory; seesAll: boolean }) {
  const columns: Column[] = [{ label: t('history.time') }, { label: t('history.amount'), numeric: true }, { label: t('history.status') }];
  if (seesAll) columns.push({ label: t('history.cashier') });
  return (
    <DataTable columns={columns}>
      {history.cashouts.map((cashout) => (
        <tr key={cashout.id}>
          <td>{formatTime(cashout.createdAt)}</td>
          <td class="number">{formatMoney(cashout.amount, cashout.currency)}</td>
          <td>
            <span class={`status status--${cashout.status}`}>{t(`status.${cashout.status satisfies CashoutStatus}`)}</span>
          </td>
          {seesAll && <td>{cashout.cashier}</td>}
        </tr>
      ))}
    </DataTable>
  );
}
