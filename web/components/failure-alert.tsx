import { describeFailure, t } from '../i18n/index.ts';
import type { Failure } from '../failure.ts';
import { useOnline } from '../use-online.ts';

/**
 * A failure shown in place on the current screen: what happened and what to do. "The server could
 * not be reached" holds only while no request gets through, so it goes once a later one did.
 */
export function FailureAlert({ failure, noCash = false }: { failure: Failure; noCash?: boolean }) {
  const online = useOnline();
  if (failure.code === 'NETWORK' && online) return null;
  const { message, action } = describeFailure(failure);
  return (
    <div class="alert" role="alert" data-testid="inline-error" data-error-code={failure.code}>
      <p class="alert__message">{message}</p>
      <p>{action}</p>
      {noCash && <p class="alert__strong">{t('error.noCash')}</p>}
    </div>
  );
}
