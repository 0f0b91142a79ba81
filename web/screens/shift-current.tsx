import { useState } from 'preact/hooks';
import type { ConfigResponse } from '../../shared/api.ts';
import type { Shift } from '../../shared/desk-api.ts';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { deskApi } from '../desk-api.ts';
import { failureOf, type Failure } from '../failure.ts';
import type { Screen } from '../flow.ts';
import { t } from '../i18n/index.ts';
import { useLoad } from '../use-load.ts';
import { CountResult, ShiftSummary } from './shift-parts.tsx';
import { MovementForm } from './shift-movement.tsx';
import { SignOffForm } from './shift-sign-off.tsx';

interface ShiftScreenProps {
  config: ConfigResponse;
  show: (screen: Screen) => void;
}

/** The cashier's shift: its cash now, pay-ins and drops, and the way to the close; or the way to open one. */
export function ShiftScreen({ config, show }: ShiftScreenProps) {
  const current = useLoad(() => deskApi.currentShift(), []);
  // A pay-in or a drop reads the shift again without clearing the screen, so the form and its notice stay.
  const [fresh, setFresh] = useState<Shift | null | undefined>(undefined);
  const [refreshFailure, setRefreshFailure] = useState<Failure | null>(null);
  const shift = fresh !== undefined ? fresh : current.loaded?.shift;
  const failure = current.failure ?? refreshFailure;

  async function refresh() {
    setRefreshFailure(null);
    try {
      setFresh((await deskApi.currentShift()).shift);
    } catch (error) {
      setRefreshFailure(failureOf(error));
    }
  }

  return (
    <ScreenFrame name="shift" title={t('shift.title')} onBack={() => show({ name: 'amount' })}>
      {failure && <FailureAlert failure={failure} />}
      {shift === undefined && !failure && <Progress label={t('shift.loading')} />}
      {shift === null && (
        <>
          <p class="lead">{t('shift.none')}</p>
          <button type="button" class="button button--primary" data-testid="shift-open-start" onClick={() => show({ name: 'shift-open' })}>
            {t('shift.open')}
          </button>
        </>
      )}
      {shift && <OpenShift shift={shift} config={config} show={show} onChanged={refresh} />}
      <button type="button" class="button button--quiet" data-testid="shifts-open" onClick={() => show({ name: 'shifts' })}>
        {t('shift.day')}
      </button>
    </ScreenFrame>
  );
}

interface OpenShiftProps {
  shift: Shift;
  config: ConfigResponse;
  show: (screen: Screen) => void;
  onChanged: () => void;
}

function OpenShift({ shift, config, show, onChanged }: OpenShiftProps) {
  const zReport = () => show({ name: 'z-report', shiftId: shift.id, back: 'shift' });
  if (shift.status !== 'open') {
    return (
      <>
        <ShiftSummary shift={shift} />
        <p class="alert alert--warning" data-testid="shift-awaiting">
          {t('shift.awaitingSignOff')}
        </p>
        <CountResult expected={shift.expected} counted={shift.counted ?? []} difference={shift.difference ?? []} />
        <SignOffForm shiftId={shift.id} tolerance={config.tillTolerance} currency={config.defaultCurrency} onSignedOff={zReport} />
      </>
    );
  }
  return (
    <>
      <ShiftSummary shift={shift} />
      <button type="button" class="button button--primary" data-testid="shift-close-start" onClick={() => show({ name: 'shift-close', shift })}>
        {t('shift.close')}
      </button>
      <MovementForm shiftId={shift.id} currencies={config.currencies} onRecorded={onChanged} />
      <button type="button" class="button button--secondary" data-testid="shift-z-report" onClick={zReport}>
        {t('shift.zReport')}
      </button>
    </>
  );
}
