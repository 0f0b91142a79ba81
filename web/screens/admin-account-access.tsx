import { useState } from 'preact/hooks';
import type { Account } from '../../shared/desk-api.ts';
import { adminApi } from '../admin-api.ts';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { t } from '../i18n/index.ts';
import { useAction } from '../use-action.ts';

interface AccountAccessProps {
  account: Account;
  onChanged: (notice: string) => void;
}

/** Disable (after a confirmation that says what it does) or enable an account. */
export function AccountAccess({ account, onChanged }: AccountAccessProps) {
  const [confirming, setConfirming] = useState(false);
  const { busy, failure, run } = useAction();
  const name = account.username;

  function setDisabled(disabled: boolean) {
    void run(async () => {
      await adminApi.updateUser(name, { disabled });
      onChanged(t(disabled ? 'accounts.disabledDone' : 'accounts.enabledDone', { name }));
    });
  }

  return (
    <div class="form">
      {failure && <FailureAlert failure={failure} />}
      {busy && <Progress label={t('admin.saving')} />}
      {!busy && account.disabled && (
        <button type="button" class="button button--secondary" data-testid="accounts-enable" onClick={() => setDisabled(false)}>
          {t('accounts.enable')}
        </button>
      )}
      {!busy && !account.disabled && !confirming && (
        <button type="button" class="button button--secondary" data-testid="accounts-disable" onClick={() => setConfirming(true)}>
          {t('accounts.disable')}
        </button>
      )}
      {!busy && !account.disabled && confirming && (
        <div class="alert alert--warning" role="alert" data-testid="accounts-disable-confirm">
          <p class="alert__message">{t('accounts.disableConfirm', { name })}</p>
          <div class="tools">
            <button type="button" class="button button--danger" data-testid="accounts-disable-yes" onClick={() => setDisabled(true)}>
              {t('accounts.disable')}
            </button>
            <button type="button" class="button button--secondary" data-testid="accounts-disable-no" onClick={() => setConfirming(false)}>
              {t('admin.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
