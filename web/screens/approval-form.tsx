import type { Cashout } from '../../shared/api.ts';
import { api } from '../api.ts';
import { CredentialFields } from '../components/credential-fields.tsx';
import { screenForCashout, type FlowControl } from '../flow.ts';
import { t } from '../i18n/index.ts';
import { useCredentialSubmit } from '../use-credential-submit.ts';

interface ApprovalProps {
  cashout: Cashout;
  threshold: string;
  flow: FlowControl;
  onApproved: (cashout: Cashout) => void;
}

/** The supervisor types their own credentials on this device. */
export function ApprovalForm({ cashout, threshold, flow, onApproved }: ApprovalProps) {
  const { busy, failure, submit } = useCredentialSubmit(async (username, password) => {
    const result = await api.approve(cashout.id, username, password);
    if (result.status === 'reserved') onApproved(result);
    else flow.show(screenForCashout(result));
  });

  return (
    <form class="form approval" data-testid="approval-form" onSubmit={submit} aria-labelledby="approval-title">
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
