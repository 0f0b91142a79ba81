import { useEffect, useState } from 'preact/hooks';
import type { AuditVerifyResponse, DailyReport } from '../../shared/api.ts';
import { api, ApiError } from '../api.ts';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { localDate } from '../../shared/local-date.ts';
import { failureOf, type Failure } from '../failure.ts';
import type { Screen } from '../flow.ts';
import { formatMoney, t } from '../i18n/index.ts';

/** The supervisor's till-count report for a day, and the audit trail's export and chain check. */
export function ReportScreen({ show }: { show: (screen: Screen) => void }) {
  const [date, setDate] = useState(() => localDate(new Date()));
  const [report, setReport] = useState<DailyReport | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  function fail(error: unknown) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return show({ name: 'signin' });
    setFailure(failureOf(error));
  }

  useEffect(() => {
    let current = true;
    setReport(null);
    setFailure(null);
    api.dailyReport(date).then(
      (loaded) => {
        if (current) setReport(loaded);
      },
      (error: unknown) => {
        if (current) fail(error);
      },
    );
    return () => {
      current = false;
    };
  }, [date]);

  return (
    <ScreenFrame name="report" title={t('report.title')} onBack={() => show({ name: 'amount' })}>
      <div class="field field--inline">
        <label for="report-date">{t('report.date')}</label>
        <input id="report-date" type="date" value={date} required onChange={(event) => event.currentTarget.value && setDate(event.currentTarget.value)} />
      </div>
      {failure && <FailureAlert failure={failure} />}
      {!report && !failure && <Progress label={t('report.loading')} />}
      {report && <ReportTables report={report} />}
      <AuditTools onFailure={fail} />
    </ScreenFrame>
  );
}

function ReportTables({ report }: { report: DailyReport }) {
  if (report.rows.length === 0) return <p class="lead">{t('report.empty')}</p>;
  return (
    <>
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('report.cashier')}</th>
              <th scope="col" class="number">
                {t('report.count')}
              </th>
              <th scope="col" class="number">
                {t('report.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={`${row.cashier}-${row.currency}`}>
                <td>{row.cashier}</td>
                <td class="number">{row.count}</td>
                <td class="number">{formatMoney(row.amount, row.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section class="totals" aria-labelledby="report-totals">
        <h2 id="report-totals">{t('report.totals')}</h2>
        <ul>
          {report.totals.map((total) => (
            <li key={total.currency}>
              <strong>{formatMoney(total.amount, total.currency)}</strong> · {t('history.count', { count: total.count })}
            </li>
          ))}
        </ul>
      </section>
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
          {result.ok ? t('audit.ok', { count: result.count }) : t('audit.bad', { seq: result.firstBadSeq ?? '?' })}
        </p>
      )}
      {result?.head && (
        <p class="audit-head">
          {t('audit.head', { seq: result.head.seq })} <code>{result.head.hash}</code>
        </p>
      )}
    </section>
  );
}
