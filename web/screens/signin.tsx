import type { User } from '../../shared/api.ts';
import { api } from '../api.ts';
import { CredentialFields } from '../components/credential-fields.tsx';
import { LanguageSelect } from '../components/language-select.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { t, type Language } from '../i18n/index.ts';
import { useCredentialSubmit } from '../use-credential-submit.ts';

interface SignInProps {
  language: Language;
  onLanguage: (language: Language) => void;
  onSignedIn: (user: User) => void;
}

export function SignInScreen({ language, onLanguage, onSignedIn }: SignInProps) {
  const { busy, failure, submit } = useCredentialSubmit(async (username, password) => {
    const { user } = await api.signIn(username, password);
    onSignedIn(user);
  });

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
