import { useState } from 'preact/hooks';
import type { ConfigResponse } from '../../shared/api.ts';
import type { CloseShiftResponse, Shift } from '../../shared/desk-api.ts';
import type { Currency } from '../../shared/money.ts';
import { countsOfEntries, type CashEntries } from '../cash-entry.ts';
import { CashCounts } from '../components/cash-counts.tsx';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { deskApi } from '../desk-api.ts';
import { failureOf, type Failure } from '../failure.ts';
import type { Screen } from '../flow.ts';
import { t } from '../i18n/index.ts';
import { CountResult } from './shift-parts.tsx';
import { SignOffForm } from './shift-sign-off.tsx';

interface ShiftCloseProps {
  shift: Shift;
  config: ConfigResponse;
  show: (screen: Screen) => void;
}

/** Every currency the drawer may hold: those accepted now and those the shift expects. */
function countedCurrencies(shift: Shift, config: ConfigResponse): Currency[] {
  return [...new Set([...config.currencies, ...shift.expected.map((cash) => cash.currency)])];
}

/** The closing count; a difference beyond the tolerance waits here for a supervisor's sign-off, then the Z-report. */
export function ShiftCloseScreen({ shift, config, show }: ShiftCloseProps) {
  const currencies = countedCurrencies(shift, config);
  const [entries, setEntries] = useState<CashEntries>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [closed, setClosed] = useState<CloseShiftResponse | null>(null);
  const zReport = () => show({ name: 'z-report', shiftId: shift.id, back: 'shift' });

  const counted = countsOfEntries(entries, currencies, true);
  const ready = counted !== null && !busy;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (!ready || counted === null) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await deskApi.closeShift(shift.id, counted);
      if (!result.needsSignOff) return zReport();
      setClosed(result);
    } catch (error) {
      setFailure(failureOf(error));
    }
    setBusy(false);
  }

  if (closed) {
    return (
      <ScreenFrame name="shift-close" title={t('close.title')}>
        <CountResult expected={closed.expected} counted={closed.counted} difference={closed.difference} />
        <SignOffForm shiftId={shift.id} tolerance={config.tillTolerance} currency={config.defaultCurrency} onSignedOff={zReport} />
      </ScreenFrame>
    );
  }
  return (
    <ScreenFrame name="shift-close" title={t('close.title')} onBack={() => show({ name: 'shift' })}>
      <p class="lead">{t('close.lead', { location: shift.locationName })}</p>
      <form class="form" data-testid="shift-close-form" onSubmit={submit}>
        <CashCounts idPrefix="counted" currencies={currencies} legend={(currency) => t('close.counted', { currency })} entries={entries} onChange={setEntries} />
        {failure && <FailureAlert failure={failure} />}
        {busy ? (
          <Progress label={t('close.busy')} />
        ) : (
          <button type="submit" class="button button--primary" data-testid="shift-close-submit" disabled={!ready}>
            {t('close.submit')}
          </button>
        )}
      </form>
    </ScreenFrame>
  );
}
