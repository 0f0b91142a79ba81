import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { t, type MessageKey } from '../i18n/index.ts';

/** A part of an admin screen with its own heading, which takes the focus when it opens so the change is announced. */
export function AdminPanel({ title, testId, children }: { title: string; testId: string; children: ComponentChildren }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="admin-panel" aria-labelledby={id} data-testid={testId}>
      <h2 id={id} tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}

interface TextFieldProps {
  /** Also the field's data-testid. */
  id: string;
  label: string;
  hint?: string;
  problem: MessageKey | null;
  /** A field the form reads on submit (a password) is left uncontrolled: it then has a name and no value. */
  name?: string;
  value?: string;
  onInput?: (value: string) => void;
  /** Typed out of sight, and offered to the browser's password manager as a new password. */
  password?: boolean;
  /** Names and ids are typed as they are: no capital first letter, no spelling fixes. */
  verbatim?: boolean;
}

/** A labelled input with an optional hint and the problem found with what was typed, both tied to the input for screen readers. */
export function TextField({ id, label, hint, problem, name, value, onInput, password = false, verbatim = false }: TextFieldProps) {
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  const attributes = {
    id,
    name,
    'data-testid': id,
    value,
    autocapitalize: verbatim ? ('none' as const) : undefined,
    spellcheck: verbatim ? false : undefined,
    'aria-invalid': problem ? ('true' as const) : undefined,
    'aria-describedby': described || undefined,
    onInput: onInput && ((event: Event) => onInput((event.currentTarget as HTMLInputElement).value)),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {password ? <input type="password" autocomplete="new-password" {...attributes} /> : <input type="text" autocomplete="off" {...attributes} />}
      {problem && (
        <p class="field-problem" id={`${id}-problem`} data-testid={`${id}-problem`}>
          {t(problem)}
        </p>
      )}
    </div>
  );
}

/** What an admin action changed, announced politely. */
export function AdminNotice({ text }: { text: string }) {
  return (
    <p class="notice" role="status" data-testid="admin-notice">
      {text}
    </p>
  );
}

/** Beside the name of a disabled account or location; an enabled one carries no mark, which keeps the list two columns wide on a phone. */
export function DisabledMark() {
  return <span class="admin-disabled">{t('admin.disabled')}</span>;
}
