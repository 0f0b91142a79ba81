import { CredentialFields } from '../components/credential-fields.tsx';
import { deskApi } from '../desk-api.ts';
import { formatMoney, t } from '../i18n/index.ts';
import { useCredentialSubmit } from '../use-credential-submit.ts';

interface SignOffProps {
  shiftId: string;
  /** TILL_TOLERANCE as a decimal string. */
  tolerance: string;
  currency: string;
  onSignedOff: () => void;
}

/** A supervisor other than the cashier types their own credentials on this device to accept the difference. */
export function SignOffForm({ shiftId, tolerance, currency, onSignedOff }: SignOffProps) {
  const { busy, failure, submit } = useCredentialSubmit(async (username, password) => {
    await deskApi.signOff(shiftId, username, password);
    onSignedOff();
  });

  return (
    <form class="form approval" data-testid="signoff-form" onSubmit={submit} aria-labelledby="signoff-title">
      <h2 id="signoff-title">{t('signoff.title')}</h2>
      <p>{t('signoff.needed', { tolerance: formatMoney(tolerance, currency) })}</p>
      <CredentialFields
        idPrefix="signoff"
        labels={{ username: t('signoff.username'), password: t('signoff.password'), submit: t('signoff.submit'), busy: t('signoff.busy') }}
        autofill={false}
        failure={failure}
        busy={busy}
        submitClass="button--secondary"
      />
    </form>
  );
}
