import type { Cashout } from '../../shared/api.ts';
import { CancelButton } from '../components/cancel-button.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { mainErrorAction } from '../error-actions.ts';
import type { Failure } from '../failure.ts';
import type { FlowControl } from '../flow.ts';
import { describeFailure, formatMoney, t } from '../i18n/index.ts';

interface ErrorProps {
  failure: Failure;
  cashout: Cashout;
  next: 'scan-again' | 'new-cashout';
  /** Fingerprints of codes refused for good, handed back to the scan screen. */
  refused?: readonly string[];
  /** Code attempts left for this cash-out, as the server counted them after the refusal. */
  triesLeft?: number;
  flow: FlowControl;
}

/** What happened, what to do, and that no cash is to be given: nothing on this screen pays out. */
export function ErrorScreen({ failure, cashout, next, refused = [], triesLeft, flow }: ErrorProps) {
  const { message, action } = describeFailure(failure);
  const main = mainErrorAction(failure, next);
  const scanAgain = (primary: boolean) => (
    <button
      type="button"
      class={`button ${primary ? 'button--primary button--wide' : 'button--secondary'}`}
      data-testid="error-retry"
      onClick={() => flow.show({ name: 'scan', cashout, refused })}
    >
      {main === 'scan-new-code' ? t('error.scanNewCode') : t('error.scanAgain')}
    </button>
  );
  return (
    <ScreenFrame name="error" title={message} tone="danger" errorCode={failure.code}>
      <p class="error__amount" data-testid="error-amount">
        {t('error.amount', { amount: formatMoney(cashout.amount, cashout.currency) })}
      </p>
      <p class="lead">{action}</p>
      {triesLeft !== undefined && triesLeft > 0 && (
        <p class="notice" data-testid="tries-left">
          {triesLeft === 1 ? t('error.lastTry') : t('error.triesLeft', { count: triesLeft })}
        </p>
      )}
      <p class="alert alert--strong">{t('error.noCash')}</p>
      {next === 'scan-again' ? (
        <>
          {main === 'change-amount' ? <CancelButton cashout={cashout} flow={flow} purpose="change-amount" /> : scanAgain(true)}
          {main === 'change-amount' && scanAgain(false)}
          <CancelButton cashout={cashout} flow={flow} />
        </>
      ) : (
        <button
          type="button"
          class="button button--primary button--wide"
          data-testid="new-cashout"
          onClick={() => (main === 'new-cashout-same-amount' ? flow.finish(undefined, { amount: cashout.amount, currency: cashout.currency }) : flow.finish())}
        >
          {t('error.new')}
        </button>
      )}
    </ScreenFrame>
  );
}
