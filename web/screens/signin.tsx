import { useState } from 'preact/hooks';
import type { User } from '../../shared/api.ts';
import { api } from '../api.ts';
import { CredentialFields } from '../components/credential-fields.tsx';
import { LanguageSelect } from '../components/language-select.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { takeCredentials } from '../credentials.ts';
import { failureOf, type Failure } from '../failure.ts';
import { t, type Language } from '../i18n/index.ts';

interface SignInProps {
  language: Language;
  onLanguage: (language: Language) => void;
  onSignedIn: (user: User) => void;
}

/** The password is read from the form on submit and the field cleared; it never enters state. */
export function SignInScreen({ language, onLanguage, onSignedIn }: SignInProps) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const { username, password } = takeCredentials(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setFailure(null);
    try {
      const { user } = await api.signIn(username, password);
      onSignedIn(user);
    } catch (error) {
      setFailure(failureOf(error));
      setBusy(false);
    }
  }

  return (
    <ScreenFrame name="signin" title={t('signin.title')}>
      <form class="form" onSubmit={submit}>
        <CredentialFields
          idPrefix="login"
          labels={{ username: t('signin.username'), password: t('signin.password'), submit: t('signin.submit'), busy: t('signin.busy') }}
          autofill
          failure={failure}
          busy={busy}
          submitClass="button--primary"
        />
      </form>
      <LanguageSelect value={language} onChange={onLanguage} />
    </ScreenFrame>
  );
}
