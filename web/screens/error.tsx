import type { Cashout } from '../../shared/api.ts';
import { CancelButton } from '../components/cancel-button.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import type { Failure } from '../failure.ts';
import type { FlowControl } from '../flow.ts';
import { describeFailure, t } from '../i18n/index.ts';

interface ErrorProps {
  failure: Failure;
  cashout: Cashout;
  next: 'scan-again' | 'new-cashout';
  /** Fingerprints of codes refused for good, handed back to the scan screen. */
  refused?: readonly string[];
  flow: FlowControl;
}

/** What happened, what to do, and that no cash is to be given: nothing on this screen pays out. */
export function ErrorScreen({ failure, cashout, next, refused = [], flow }: ErrorProps) {
  const { message, action } = describeFailure(failure);
  return (
    <ScreenFrame name="error" title={message} tone="danger" errorCode={failure.code}>
      <p class="lead">{action}</p>
      <p class="alert alert--strong">{t('error.noCash')}</p>
      {next === 'scan-again' ? (
        <>
          <button
            type="button"
            class="button button--primary button--wide"
            data-testid="error-retry"
            onClick={() => flow.show({ name: 'scan', cashout, refused })}
          >
            {t('error.scanAgain')}
          </button>
          <CancelButton cashout={cashout} flow={flow} />
        </>
      ) : (
        <button type="button" class="button button--primary button--wide" data-testid="new-cashout" onClick={() => flow.finish()}>
          {t('error.new')}
        </button>
      )}
    </ScreenFrame>
  );
}
