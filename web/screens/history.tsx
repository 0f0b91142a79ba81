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
import { pageOf } from '../paging.ts';
import type { CachedHistory, Storage } from '../storage.ts';
import { useLoad } from '../use-load.ts';
import { CashoutRecord } from './cashout-record.tsx';
import './history.css';

interface HistoryProps {
  user: User;
  storage: Storage;
  shopName: string | null;
  show: (screen: Screen) => void;
}

/** Rows per page: one phone screen of them at 360 × 740, with the pager and totals below. */
export const historyPageSize = 10;

/** Today's cash-outs, newest first: the saved copy first for a quick look, then the server's list. */
export function HistoryScreen({ user, storage, shopName, show }: HistoryProps) {
  const [date] = useState(() => localDate(new Date()));
  const [saved, setSaved] = useState<CachedHistory | null>(null);
  const [page, setPage] = useState(0);
  const [opened, setOpened] = useState<Row | null>(null);
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

  if (opened) return <CashoutRecord key={opened.id} row={opened} shopName={shopName} onBack={() => setOpened(null)} />;
  return (
    <ScreenFrame name="history" title={t('history.title')} onBack={() => show({ name: 'amount' })}>
      {failure && <FailureAlert failure={failure} />}
      {!history && !failure && <Progress label={t('history.loading')} />}
      {history && !fresh.loaded && !failure && <p class="notice">{t('history.saved')}</p>}
      {history &&
        (history.cashouts.length === 0 ? (
          <p class="lead">{t('history.empty')}</p>
        ) : (
          <HistoryPage cashouts={history.cashouts} page={page} onPage={setPage} onOpen={setOpened} seesAll={user.role !== 'cashier'} />
        ))}
      {history && history.totals.length > 0 && <Totals id="history-totals" title={t('history.totals')} totals={history.totals} />}
    </ScreenFrame>
  );
}

type Row = CachedHistory['cashouts'][number];

interface HistoryPageProps {
  cashouts: Row[];
  page: number;
  onPage: (page: number) => void;
  onOpen: (row: Row) => void;
  seesAll: boolean;
}

function HistoryPage({ cashouts, page, onPage, onOpen, seesAll }: HistoryPageProps) {
  const shown = pageOf(cashouts, page, historyPageSize);
  // A supervisor's cashier column goes under the time: four columns do not fit a 360 px phone.
  const columns: Column[] = [{ label: seesAll ? t('history.timeAndCashier') : t('history.time') }, { label: t('history.amount'), numeric: true }, { label: t('history.status') }];
  return (
    <>
      <DataTable columns={columns}>
        {shown.items.map((cashout) => {
          const amount = formatMoney(cashout.amount, cashout.currency);
          const time = formatTime(cashout.createdAt);
          return (
            <tr key={cashout.id} data-testid="history-row">
              <td>
                <button type="button" class="row-open" aria-label={t('history.openRow', { time, amount })} onClick={() => onOpen(cashout)}>
                  {time}
                </button>
                {seesAll && <span class="row-cashier">{cashout.cashier}</span>}
              </td>
              <td class="number">{amount}</td>
              <td>
                <span class={`status status--${cashout.status}`}>{t(`status.${cashout.status satisfies CashoutStatus}`)}</span>
              </td>
            </tr>
          );
        })}
      </DataTable>
      {(shown.hasNewer || shown.hasOlder) && (
        <nav class="pager" aria-label={t('history.title')}>
          <button type="button" class="button button--secondary" data-testid="history-newer" disabled={!shown.hasNewer} onClick={() => onPage(shown.index - 1)}>
            {t('history.newer')}
          </button>
          <span class="pager__position" data-testid="history-position" aria-live="polite">
            {t('history.page', { from: shown.from, to: shown.to, count: shown.count })}
          </span>
          <button type="button" class="button button--secondary" data-testid="history-older" disabled={!shown.hasOlder} onClick={() => onPage(shown.index + 1)}>
            {t('history.older')}
          </button>
        </nav>
      )}
    </>
  );
}
