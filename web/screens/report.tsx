import { useState } from 'preact/hooks';
import type { AuditVerifyResponse, DailyReport } from '../../shared/api.ts';
import { api } from '../api.ts';
import { DataTable } from '../components/data-table.tsx';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { Totals } from '../components/totals.tsx';
import { localDate } from '../../shared/local-date.ts';
import { failureOf, type Failure } from '../failure.ts';
import type { Screen } from '../flow.ts';
import { formatMoney, formatNumber, t } from '../i18n/index.ts';
import { useLoad } from '../use-load.ts';

/** The supervisor's till-count report for a day, and the audit trail's export and chain check. */
export function ReportScreen({ show }: { show: (screen: Screen) => void }) {
  const [date, setDate] = useState(() => localDate(new Date()));
  const report = useLoad(() => api.dailyReport(date), [date]);
  const [auditFailure, setAuditFailure] = useState<Failure | null>(null);
  const failure = report.failure ?? auditFailure;

  function changeDate(next: string) {
    if (next === '') return;
    setAuditFailure(null);
    setDate(next);
  }

  return (
    <ScreenFrame name="report" title={t('report.title')} onBack={() => show({ name: 'amount' })}>
      <div class="field field--inline">
        <label for="report-date">{t('report.date')}</label>
        <input id="report-date" type="date" value={date} required onChange={(event) => changeDate(event.currentTarget.value)} />
      </div>
      {failure && <FailureAlert failure={failure} />}
      {!report.loaded && !failure && <Progress label={t('report.loading')} />}
      {report.loaded && <ReportTables report={report.loaded} />}
      <AuditTools onFailure={(error) => setAuditFailure(failureOf(error))} />
    </ScreenFrame>
  );
}

function ReportTables({ report }: { report: DailyReport }) {
  if (report.rows.length === 0) return <p class="lead">{t('report.empty')}</p>;
  return (
    <>
      <DataTable columns={[{ label: t('report.cashier') }, { label: t('report.count'), numeric: true }, { label: t('report.amount'), numeric: true }]}>
        {report.rows.map((row) => (
          <tr key={`${row.cashier}-${row.currency}`}>
            <td>{row.cashier}</td>
            <td class="number">{formatNumber(row.count)}</td>
            <td class="number">{formatMoney(row.amount, row.currency)}</td>
          </tr>
        ))}
      </DataTable>
      <Totals id="report-totals" title={t('report.totals')} totals={report.totals} />
    </>
  );
}

function AuditTools({ onFailure }: { onFailure: (error: unknown) => void }) {
  const [verifying, setVerifying] = useState(false);
  const [result, setResult] = useState<AuditVerifyResponse | null>(null);

  async function verify() {
    setVerifying(true);
    setResult(null);
    try {
      setResult(await api.verifyAudit());
    } catch (error) {
      onFailure(error);
    }
    setVerifying(false);
  }

  return (
    <section class="audit" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <div class="tools">
        <a class="button button--secondary" href="/api/audit.csv" download="kasa-audit.csv">
          {t('audit.export')}
        </a>
        {verifying ? (
          <Progress label={t('audit.verifying')} />
        ) : (
          <button type="button" class="button button--secondary" onClick={verify}>
            {t('audit.verify')}
          </button>
        )}
      </div>
      {result && (
        <p class={result.ok ? 'notice' : 'alert'} role={result.ok ? 'status' : 'alert'}>
          {result.ok ? t('audit.ok', { count: result.count }) : t('audit.bad', { seq: String(result.firstBadSeq ?? '?') })}
        </p>
      )}
      {result?.head && (
        <p class="audit-head">
          {t('audit.head', { seq: String(result.head.seq) })} <code>{result.head.hash}</code>
        </p>
      )}
    </section>
  );
}
