import { useState } from 'preact/hooks';
import type { Role } from '../../shared/api.ts';
import { adminApi } from '../admin-api.ts';
import { normalisedUsername, usernameProblem } from '../admin-rules.ts';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { t, type MessageKey } from '../i18n/index.ts';
import { useAction } from '../use-action.ts';
import { AdminPanel, TextField } from './admin-panel.tsx';
import { type PasswordMode, PasswordChoice, takePassword } from './admin-password-choice.tsx';
import { RoleSelect } from './admin-role-select.tsx';

interface AccountAddProps {
  /** The account exists; `password` is given when it was generated here and must be shown once. */
  onAdded: (username: string, password: string | null) => void;
}

export function AccountAdd({ onAdded }: AccountAddProps) {
  const [role, setRole] = useState<Role>('cashier');
  const [mode, setMode] = useState<PasswordMode>('generate');
  const [problems, setProblems] = useState<{ username: MessageKey | null; password: MessageKey | null }>({ username: null, password: null });
  const { busy, failure, run } = useAction();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const username = normalisedUsername(String(new FormData(form).get('username') ?? ''));
    const { password, generated, problem } = takePassword(form, mode);
    const found = { username: usernameProblem(username), password: problem };
    setProblems(found);
    if (found.username || found.password) return;
    void run(async () => {
      await adminApi.addUser({ username, role, password });
      onAdded(username, generated ? password : null);
    });
  }

  return (
    <AdminPanel title={t('accounts.add')} testId="account-add">
      <form class="form" noValidate onSubmit={submit}>
        <TextField
          id="accounts-new-username"
          name="username"
          label={t('accounts.username')}
          hint={t('accounts.usernameRule')}
          problem={problems.username}
          verbatim
        />
        <RoleSelect id="accounts-new-role" value={role} onChange={setRole} />
        <PasswordChoice idPrefix="accounts-new" mode={mode} onMode={setMode} problem={problems.password} />
        {failure && <FailureAlert failure={failure} />}
        {busy ? (
          <Progress label={t('admin.saving')} />
        ) : (
          <button type="submit" class="button button--primary" data-testid="accounts-new-submit">
            {t('accounts.create')}
          </button>
        )}
      </form>
    </AdminPanel>
  );
}
