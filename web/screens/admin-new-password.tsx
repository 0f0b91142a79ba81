import { useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { AdminPanel } from './admin-panel.tsx';

interface NewPasswordProps {
  username: string;
  password: string;
  onDone: () => void;
}

/**
 * A generated password, shown this once: the server keeps only its hash, and once Done is pressed
 * the device forgets it too.
 */
export function NewPassword({ username, password, onDone }: NewPasswordProps) {
  const [copied, setCopied] = useState<boolean | null>(null);
  // The clipboard exists only in a secure context (https or this machine); elsewhere the password is read off the screen.
  const clipboard = typeof navigator.clipboard?.writeText === 'function';

  function copy() {
    navigator.clipboard.writeText(password).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  return (
    <AdminPanel title={t('accounts.passwordFor', { name: username })} testId="new-password-panel">
      <p>{t('accounts.shownOnce')}</p>
      <code class="new-password" data-testid="new-password">
        {password}
      </code>
      <div class="tools">
        {clipboard && (
          <button type="button" class="button button--secondary" data-testid="new-password-copy" onClick={copy}>
            {t('accounts.copy')}
          </button>
        )}
        <button type="button" class="button button--primary" data-testid="new-password-done" onClick={onDone}>
          {t('admin.done')}
        </button>
      </div>
      {copied !== null && (
        <p class={copied ? 'notice' : 'alert'} role="status">
          {t(copied ? 'accounts.copied' : 'accounts.copyFailed')}
        </p>
      )}
    </AdminPanel>
  );
}
