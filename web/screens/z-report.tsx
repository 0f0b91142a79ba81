import type { CashoutStatus } from '../../shared/api.ts';
import type { ZReport } from '../../shared/desk-api.ts';
import { DataTable } from '../components/data-table.tsx';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { deskApi } from '../desk-api.ts';
import type { Screen } from '../flow.ts';
import { formatDateTime, formatMoney, formatTime, t } from '../i18n/index.ts';
import { useLoad } from '../use-load.ts';
import { cashText, differenceText, Facts } from './shift-parts.tsx';

interface ZReportProps {
  shiftId: string;
  back: 'shift' | 'shifts';
  show: (screen: Screen) => void;
}

/** Everything that moved the shift's cash, and its count: on screen, on paper (print stylesheet) and as CSV. */
export function ZReportScreen({ shiftId, back, show }: ZReportProps) {
  const report = useLoad(() => deskApi.report(shiftId), [shiftId]);
  return (
    <ScreenFrame name="z-report" title={t('z.title')} onBack={() => show({ name: back })}>
      {report.failure && <FailureAlert failure={report.failure} />}
      {!report.loaded && !report.failure && <Progress label={t('z.loading')} />}
      {report.loaded && (
        <div class="tools no-print">
          <button type="button" class="button button--secondary" data-testid="z-print" onClick={() => window.print()}>
            {t('z.print')}
          </button>
          <a class="button button--secondary" data-testid="z-csv" href={deskApi.reportCsvPath(shiftId)} download={`kasa-z-report-${shiftId}.csv`}>
            {t('z.csv')}
          </a>
        </div>
      )}
      {report.loaded && <ZReportBody report={report.loaded} />}
    </ScreenFrame>
  );
}

function signature({ shift }: ZReport): string {
  if (shift.signedOffBy && shift.signedOffAt) return t('z.signedBy', { user: shift.signedOffBy, time: formatDateTime(shift.signedOffAt) });
  if (shift.status === 'closing') return t('shiftStatus.closing');
  return t('z.noSignOff');
}

function ZReportBody({ report }: { report: ZReport }) {
  const { shift } = report;
  return (
    <article class="z-report" data-testid="z-report" aria-labelledby="z-report-title">
      <h2 id="z-report-title">{t('z.heading', { location: shift.locationName, cashier: shift.cashier })}</h2>
      <Facts
        lines={[
          [t('z.status'), t(`shiftStatus.${shift.status}`), 'z-status'],
          [t('shift.openedAt'), formatDateTime(shift.openedAt), 'z-opened-at'],
          [t('z.closedAt'), shift.closedAt ? formatDateTime(shift.closedAt) : '—', 'z-closed-at'],
          [t('shift.float'), cashText(shift.float), 'z-float'],
        ]}
      />
      <h3>{t('z.cashouts')}</h3>
      {report.cashouts.length === 0 ? (
        <p class="hint">{t('z.noCashouts')}</p>
      ) : (
        <DataTable columns={[{ label: t('history.time') }, { label: t('history.amount'), numeric: true }, { label: t('z.transaction') }, { label: t('history.status') }]}>
          {report.cashouts.map((cashout) => (
            <tr key={cashout.id} data-testid="z-cashout">
              <td>{formatTime(cashout.createdAt)}</td>
              <td class="number">{formatMoney(cashout.amount, cashout.currency)}</td>
              <td class="z-report__key">{cashout.transactionKey ?? '—'}</td>
              <td>{t(`status.${cashout.status satisfies CashoutStatus}`)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <h3>{t('z.movements')}</h3>
      {report.movements.length === 0 ? (
        <p class="hint">{t('z.noMovements')}</p>
      ) : (
        <DataTable columns={[{ label: t('history.time') }, { label: t('z.kind') }, { label: t('history.amount'), numeric: true }, { label: t('movement.reason') }]}>
          {report.movements.map((movement) => (
            <tr key={movement.id} data-testid="z-movement">
              <td>{formatTime(movement.at)}</td>
              <td>{t(movement.kind === 'drop' ? 'z.drop' : 'z.payIn')}</td>
              <td class="number">{formatMoney(movement.amount, movement.currency)}</td>
              <td>{movement.reason}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Facts
        lines={[
          [t('close.expected'), cashText(shift.expected), 'z-expected'],
          [t('close.countedLabel'), shift.counted ? cashText(shift.counted) : '—', 'z-counted'],
          [t('close.difference'), shift.difference ? differenceText(shift.difference) : '—', 'z-difference'],
          [t('z.signOff'), signature(report), 'z-signed'],
        ]}
      />
    </article>
  );
}
