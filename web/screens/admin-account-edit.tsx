import { useState } from 'preact/hooks';
import type { Role } from '../../shared/api.ts';
import type { Account } from '../../shared/desk-api.ts';
import { adminApi } from '../admin-api.ts';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { t, type MessageKey } from '../i18n/index.ts';
import { useAction } from '../use-action.ts';
import { AccountAccess } from './admin-account-access.tsx';
import { AdminPanel } from './admin-panel.tsx';
import { type PasswordMode, PasswordChoice, takePassword } from './admin-password-choice.tsx';
import { RoleSelect, roleName } from './admin-role-select.tsx';

interface AccountEditProps {
  account: Account;
  /** The administrator's own account: its role and access are left to another administrator, so nobody locks themselves out. */
  own: boolean;
  onChanged: (notice: string) => void;
  /** A generated password was set; it is shown once. */
  onPassword: (username: string, password: string) => void;
}

export function AccountEdit({ account, own, onChanged, onPassword }: AccountEditProps) {
  const name = account.username;
  return (
    <AdminPanel title={t('accounts.editTitle', { name })} testId="account-edit">
      {own ? <p class="hint">{t('accounts.own')}</p> : <RoleForm account={account} onChanged={onChanged} />}
      <PasswordReset account={account} onChanged={onChanged} onPassword={onPassword} />
      {!own && <AccountAccess account={account} onChanged={onChanged} />}
    </AdminPanel>
  );
}

function RoleForm({ account, onChanged }: Pick<AccountEditProps, 'account' | 'onChanged'>) {
  const [role, setRole] = useState<Role>(account.role);
  const { busy, failure, run } = useAction();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    void run(async () => {
      await adminApi.updateUser(account.username, { role });
      onChanged(t('accounts.roleChanged', { name: account.username, role: roleName(role) }));
    });
  }

  return (
    <form class="form" onSubmit={submit}>
      <RoleSelect id="accounts-edit-role" value={role} onChange={setRole} />
      {failure && <FailureAlert failure={failure} />}
      {busy ? (
        <Progress label={t('admin.saving')} />
      ) : (
        <button type="submit" class="button button--secondary" data-testid="accounts-edit-role-submit" disabled={role === account.role}>
          {t('accounts.changeRole')}
        </button>
      )}
    </form>
  );
}

function PasswordReset({ account, onChanged, onPassword }: Omit<AccountEditProps, 'own'>) {
  const [mode, setMode] = useState<PasswordMode>('generate');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const { busy, failure, run } = useAction();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const taken = takePassword(event.currentTarget as HTMLFormElement, mode);
    setProblem(taken.problem);
    if (taken.problem) return;
    void run(async () => {
      await adminApi.updateUser(account.username, { password: taken.password });
      if (taken.generated) onPassword(account.username, taken.password);
      else onChanged(t('accounts.passwordChanged', { name: account.username }));
    });
  }

  return (
    <form class="form" noValidate onSubmit={submit}>
      <PasswordChoice idPrefix="accounts-reset" mode={mode} onMode={setMode} problem={problem} />
      <p class="hint">{t('accounts.resetSignsOut', { name: account.username })}</p>
      {failure && <FailureAlert failure={failure} />}
      {busy ? (
        <Progress label={t('admin.saving')} />
      ) : (
        <button type="submit" class="button button--secondary" data-testid="accounts-reset-submit">
          {t('accounts.resetPassword')}
        </button>
      )}
    </form>
  );
}
