import { useState } from 'preact/hooks';
import type { User } from '../../shared/api.ts';
import type { Account } from '../../shared/desk-api.ts';
import { adminApi } from '../admin-api.ts';
import { DataTable } from '../components/data-table.tsx';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import type { Screen } from '../flow.ts';
import { t } from '../i18n/index.ts';
import { useLoad } from '../use-load.ts';
import { AccountAdd } from './admin-account-add.tsx';
import { AccountEdit } from './admin-account-edit.tsx';
import { NewPassword } from './admin-new-password.tsx';
import { AdminNotice, DisabledMark } from './admin-panel.tsx';
import { roleName } from './admin-role-select.tsx';
import './admin.css';

type View =
  | { kind: 'list'; notice?: string }
  | { kind: 'add' }
  | { kind: 'edit'; account: Account }
  /** A generated password, shown once; `notice` says what was done once it is put away. */
  | { kind: 'password'; username: string; password: string; notice: string };

/** The administrator's list of accounts: add one, change its role or password, disable or enable it. */
export function AccountsScreen({ user, show }: { user: User; show: (screen: Screen) => void }) {
  const [view, setView] = useState<View>({ kind: 'list' });
  const [version, setVersion] = useState(0);
  const accounts = useLoad(() => adminApi.users(), [version]);

  function changed(notice: string) {
    setVersion((count) => count + 1);
    setView({ kind: 'list', notice });
  }

  function passwordShown(username: string, password: string, notice: string) {
    setVersion((count) => count + 1);
    setView({ kind: 'password', username, password, notice });
  }

  function back() {
    if (view.kind === 'list') show({ name: 'settings' });
    // Leaving a shown password is putting it away: the change it belongs to was made.
    else if (view.kind === 'password') changed(view.notice);
    else setView({ kind: 'list' });
  }

  return (
    <ScreenFrame name="accounts" title={t('accounts.title')} onBack={back}>
      {view.kind === 'add' && (
        <AccountAdd
          onAdded={(username, password) => {
            const notice = t('accounts.created', { name: username });
            if (password) passwordShown(username, password, notice);
            else changed(notice);
          }}
        />
      )}
      {view.kind === 'edit' && (
        <AccountEdit
          account={view.account}
          own={view.account.username === user.username}
          onChanged={changed}
          onPassword={(username, password) => passwordShown(username, password, t('accounts.passwordChanged', { name: username }))}
        />
      )}
      {view.kind === 'password' && (
        <NewPassword username={view.username} password={view.password} onDone={() => changed(view.notice)} />
      )}
      {view.kind === 'list' && (
        <>
          {view.notice && <AdminNotice text={view.notice} />}
          <button type="button" class="button button--primary" data-testid="accounts-add" onClick={() => setView({ kind: 'add' })}>
            {t('accounts.add')}
          </button>
          {accounts.failure && <FailureAlert failure={accounts.failure} />}
          {!accounts.loaded && !accounts.failure && <Progress label={t('accounts.loading')} />}
          {accounts.loaded && <AccountList accounts={accounts.loaded.users} onOpen={(account) => setView({ kind: 'edit', account })} />}
        </>
      )}
    </ScreenFrame>
  );
}

function AccountList({ accounts, onOpen }: { accounts: Account[]; onOpen: (account: Account) => void }) {
  return (
    <DataTable columns={[{ label: t('accounts.username') }, { label: t('accounts.role') }]}>
      {accounts.map((account) => (
        <tr key={account.username} data-testid={`account-row-${account.username}`}>
          <td>
            <button type="button" class="row-open" data-testid={`account-open-${account.username}`} onClick={() => onOpen(account)}>
              {account.username}
            </button>
            {account.disabled && <DisabledMark />}
          </td>
          <td class="admin-word">{roleName(account.role)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
