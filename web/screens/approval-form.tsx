import { useState } from 'preact/hooks';
import type { Cashout } from '../../shared/api.ts';
import { api, ApiError } from '../api.ts';
import { CredentialFields } from '../components/credential-fields.tsx';
import { takeCredentials } from '../credentials.ts';
import { failureOf, type Failure } from '../failure.ts';
import { screenForCashout, type FlowControl } from '../flow.ts';
import { t } from '../i18n/index.ts';

interface ApprovalProps {
  cashout: Cashout;
  threshold: string;
  flow: FlowControl;
  onApproved: (cashout: Cashout) => void;
}

/** The supervisor types their own credentials on this device; the password field is cleared on submit. */
export function ApprovalForm({ cashout, threshold, flow, onApproved }: ApprovalProps) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const { username, password } = takeCredentials(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setFailure(null);
    try {
      const result = await api.approve(cashout.id, username, password);
      if (result.status === 'reserved') onApproved(result);
      else flow.show(screenForCashout(result));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return flow.show({ name: 'signin' });
      setFailure(failureOf(error));
    }
    setBusy(false);
  }

  return (
    <form class="form approval" onSubmit={submit} aria-labelledby="approval-title">
      <h2 id="approval-title">{t('approval.title')}</h2>
      <p>{t('approval.needed', { threshold })}</p>
      <CredentialFields
        idPrefix="approval"
        labels={{ username: t('approval.username'), password: t('approval.password'), submit: t('approval.submit'), busy: t('approval.busy') }}
        autofill={false}
        failure={failure}
        busy={busy}
        submitClass="button--secondary"
      />
    </form>
  );
}
