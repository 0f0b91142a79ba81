import { useEffect, useState } from 'preact/hooks';
import type { CashoutStatus, Total, User } from '../../shared/api.ts';
import { api, ApiError } from '../api.ts';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { localDate } from '../../shared/local-date.ts';
import { failureOf, type Failure } from '../failure.ts';
import type { Screen } from '../flow.ts';
import { formatMoney, formatTime, t } from '../i18n/index.ts';
import type { CachedHistory, Storage } from '../storage.ts';

interface HistoryProps {
  user: User;
  storage: Storage;
  show: (screen: Screen) => void;
}

/** Today's cash-outs: the saved copy first for a quick look, then the server's list. */
export function HistoryScreen({ user, storage, show }: HistoryProps) {
  const [history, setHistory] = useState<CachedHistory | null>(null);
  const [fresh, setFresh] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const seesAll = user.role !== 'cashier';

  useEffect(() => {
    const date = localDate(new Date());
    let current = true;
    storage.cachedHistory(user.username, date).then(
      (saved) => {
        if (current && saved) setHistory((shown) => shown ?? saved);
      },
      () => undefined,
    );
    api.history(date).then(
      (loaded) => {
        if (!current) return;
        setHistory({ username: user.username, ...loaded });
        setFresh(true);
        storage.cacheHistory(user.username, loaded).catch(() => undefined);
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return show({ name: 'signin' });
        if (current) setFailure(failureOf(error));
      },
    );
    return () => {
      current = false;
    };
  }, []);

  return (
    <ScreenFrame name="history" title={t('history.title')} onBack={() => show({ name: 'amount' })}>
      {failure && <FailureAlert failure={failure} />}
      {!history && !failure && <Progress label={t('history.loading')} />}
      {history && !fresh && !failure && <p class="notice">{t('history.saved')}</p>}
      {history && (history.cashouts.length === 0 ? <p class="lead">{t('history.empty')}</p> : <HistoryTable history={history} seesAll={seesAll} />)}
      {history && history.totals.length > 0 && <Totals totals={history.totals} />}
    </ScreenFrame>
  );
}

function HistoryTable({ history, seesAll }: { history: CachedHistory; seesAll: boolean }) {
  return (
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('history.time')}</th>
            <th scope="col" class="number">
              {t('history.amount')}
            </th>
            <th scope="col">{t('history.status')}</th>
            {seesAll && <th scope="col">{t('history.cashier')}</th>}
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}

function Totals({ totals }: { totals: Total[] }) {
  return (
    <section class="totals" aria-labelledby="history-totals">
      <h2 id="history-totals">{t('history.totals')}</h2>
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
