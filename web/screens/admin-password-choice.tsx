import { passwordProblem } from '../admin-rules.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { generatePassword } from '../password-generator.ts';
import { TextField } from './admin-panel.tsx';

export type PasswordMode = 'generate' | 'type';

interface PasswordChoiceProps {
  /** Prefix of the ids and test ids: `accounts-new` when adding, `accounts-reset` when resetting. */
  idPrefix: string;
  mode: PasswordMode;
  onMode: (mode: PasswordMode) => void;
  problem: MessageKey | null;
}

/** Generate a password on this device (the default) or type one. A typed one lives only in its field. */
export function PasswordChoice({ idPrefix, mode, onMode, problem }: PasswordChoiceProps) {
  return (
    <fieldset class="checklist">
      <legend>{t('accounts.password')}</legend>
      {(['generate', 'type'] as const).map((option) => (
        <label class="check" key={option}>
          <input
            type="radio"
            name={`${idPrefix}-password-mode`}
            data-testid={`${idPrefix}-${option}`}
            checked={mode === option}
            onChange={() => onMode(option)}
          />
          <span>{t(option === 'generate' ? 'accounts.generate' : 'accounts.type')}</span>
        </label>
      ))}
      {mode === 'type' && (
        <TextField
          id={`${idPrefix}-password`}
          name="password"
          password
          label={t('accounts.password')}
          hint={t('accounts.passwordRule')}
          problem={problem}
        />
      )}
    </fieldset>
  );
}

/**
 * The password to send: a fresh generated one, or the one typed, which is cleared from its field at
 * once so it stays nowhere. `problem` is set when the typed one breaks the rule.
 */
export function takePassword(form: HTMLFormElement, mode: PasswordMode): { password: string; generated: boolean; problem: MessageKey | null } {
  if (mode === 'generate') return { password: generatePassword(), generated: true, problem: null };
  const field = form.elements.namedItem('password');
  const password = field instanceof HTMLInputElement ? field.value : '';
  if (field instanceof HTMLInputElement) field.value = '';
  return { password, generated: false, problem: passwordProblem(password) };
}
