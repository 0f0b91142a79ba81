import type { Failure } from '../failure.ts';
import { FailureAlert } from './failure-alert.tsx';
import { Progress } from './progress.tsx';

interface CredentialFieldsProps {
  /** Prefix of the field ids and test ids: `login` for signing in, `approval` for a supervisor's approval, `signoff` for a shift's close. */
  idPrefix: 'login' | 'approval' | 'signoff';
  labels: { username: string; password: string; submit: string; busy: string };
  /** Browsers may fill in the cashier's own login, never a supervisor's approval. */
  autofill: boolean;
  failure: Failure | null;
  busy: boolean;
  submitClass: string;
}

/** Username, password, the failure and the submit button of a sign-in-like form. */
export function CredentialFields({ idPrefix, labels, autofill, failure, busy, submitClass }: CredentialFieldsProps) {
  return (
    <>
      <div class="field">
        <label for={`${idPrefix}-username`}>{labels.username}</label>
        <input
          id={`${idPrefix}-username`}
          name="username"
          data-testid={`${idPrefix}-username`}
          autocomplete={autofill ? 'username' : 'off'}
          autocapitalize="none"
          spellcheck={false}
          required
        />
      </div>
      <div class="field">
        <label for={`${idPrefix}-password`}>{labels.password}</label>
        <input
          id={`${idPrefix}-password`}
          name="password"
          type="password"
          data-testid={`${idPrefix}-password`}
          autocomplete={autofill ? 'current-password' : 'off'}
          required
        />
      </div>
      {failure && <FailureAlert failure={failure} />}
      {busy ? (
        <Progress label={labels.busy} />
      ) : (
        <button type="submit" class={`button ${submitClass}`} data-testid={`${idPrefix}-submit`}>
          {labels.submit}
        </button>
      )}
    </>
  );
}
