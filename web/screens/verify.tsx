import { useState } from 'preact/hooks';
import type { Cashout, ConfigResponse, IdentityCheck } from '../../shared/api.ts';
import { api } from '../api.ts';
import { CancelButton } from '../components/cancel-button.tsx';
import { DoNotGiveCash } from '../components/do-not-give-cash.tsx';
import { FailureAlert } from '../components/failure-alert.tsx';
import { HoldCountdown } from '../components/hold-countdown.tsx';
import { HolderName } from '../components/holder-name.tsx';
import { Progress } from '../components/progress.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { limitsFor } from '../currency-limits.ts';
import type { Failure } from '../failure.ts';
import { screenAfterError, screenForCashout, type FlowControl } from '../flow.ts';
import { holdUrgency } from '../hold-urgency.ts';
import { formatMoney, t } from '../i18n/index.ts';
import { useNow } from '../use-now.ts';
import { ApprovalForm } from './approval-form.tsx';

interface VerifyProps {
  cashout: Cashout;
  notice?: Failure;
  config: ConfigResponse;
  flow: FlowControl;
}

/**
 * Confirm is possible only with both identity checks ticked, where required a supervisor's
 * approval, and while the hold lasts. The holder's name comes with the reserve answer (or a read
 * while reserved) only, so it is taken from the cash-out this screen opened with.
 */
export function VerifyScreen({ cashout: initial, notice, config, flow }: VerifyProps) {
  const [cashout, setCashout] = useState(initial);
  const [documentChecked, setDocumentChecked] = useState(false);
  const [photoChecked, setPhotoChecked] = useState(false);
  const [phase, setPhase] = useState<'checking' | 'confirming' | 'cancelling'>('checking');
  const now = useNow();

  const remainingMs = cashout.expiresAt === null ? null : Date.parse(cashout.expiresAt) - now;
  const urgency = remainingMs === null ? null : holdUrgency(remainingMs);
  // Once Confirm is pressed the outcome is Paysera's to tell; the clock no longer speaks for it.
  const lapsed = urgency === 'lapsed' && phase === 'checking';
  const awaitingApproval = cashout.approvalRequired && cashout.approvedBy === null;
  const canConfirm = documentChecked && photoChecked && !awaitingApproval && phase === 'checking' && !lapsed;
  // The server records what was ticked in the audit trail, so the request names each check.
  const tickedChecks: IdentityCheck[] = [...(documentChecked ? (['document'] as const) : []), ...(photoChecked ? (['photo'] as const) : [])];

  async function confirm() {
    if (!canConfirm) return;
    setPhase('confirming');
    try {
      flow.show(screenForCashout(await api.confirm(cashout.id, tickedChecks)));
    } catch (error) {
      flow.show(screenAfterError(cashout, error));
    }
  }

  return (
    <ScreenFrame name="verify" title={t('verify.title')}>
      <p class="verify__amount" data-testid="verify-amount">
        {formatMoney(cashout.amount, cashout.currency)}
      </p>
      {phase === 'confirming' && <DoNotGiveCash />}
      {lapsed ? (
        <div class="alert" role="alert" data-testid="hold-lapsed">
          <p class="alert__message">{t('verify.lapsed')}</p>
          <p>{t('verify.lapsedAction')}</p>
        </div>
      ) : (
        <p class="lead">{t('verify.reserved')}</p>
      )}
      {phase === 'checking' && remainingMs !== null && urgency !== null && urgency !== 'lapsed' && <HoldCountdown remainingMs={remainingMs} urgency={urgency} />}
      {notice && <FailureAlert failure={notice} noCash />}
      <HolderName name={initial.holderName} />
      <fieldset class="checklist" disabled={phase !== 'checking' || lapsed}>
        <legend>{t('verify.checklist')}</legend>
        <label class="check">
          <input type="checkbox" data-testid="check-document" checked={documentChecked} onChange={(event) => setDocumentChecked(event.currentTarget.checked)} />
          <span>{t('verify.checkDocument')}</span>
        </label>
        <label class="check">
          <input type="checkbox" data-testid="check-photo" checked={photoChecked} onChange={(event) => setPhotoChecked(event.currentTarget.checked)} />
          <span>{t('verify.checkPhoto')}</span>
        </label>
      </fieldset>
      {cashout.approvalRequired &&
        (awaitingApproval ? (
          <ApprovalForm cashout={cashout} threshold={formatMoney(limitsFor(config, cashout.currency).supervisorThreshold, cashout.currency)} flow={flow} onApproved={setCashout} />
        ) : (
          <p class="notice" role="status">
            {t('approval.done', { user: cashout.approvedBy ?? '' })}
          </p>
        ))}
      {phase === 'confirming' ? (
        <Progress label={t('verify.confirming')} />
      ) : (
        <>
          {phase === 'checking' && !lapsed && (
            <button type="button" class="button button--primary button--wide" data-testid="confirm-button" disabled={!canConfirm} onClick={confirm}>
              {t('verify.confirm')}
            </button>
          )}
          <CancelButton cashout={cashout} flow={flow} onStart={() => setPhase('cancelling')} />
        </>
      )}
    </ScreenFrame>
  );
}
