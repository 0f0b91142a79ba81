import { useEffect, useRef } from 'preact/hooks';
import { regroupTyped, ungroupedCode, caretBeforeBackspace } from '../code-grouping.ts';
import { t } from '../i18n/index.ts';

interface ManualCodeFormProps {
  /** The field takes the focus: opened by the cashier, or standing in for a camera that is missing. */
  focus: boolean;
  onCode: (code: string) => void;
}

/**
 * The reservation code typed by hand. It lives only in the field, grouped in fours for proofreading,
 * and the field is emptied as the code is handed on, so it stays nowhere.
 */
export function ManualCodeForm({ focus, onCode }: ManualCodeFormProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focus) input.current?.focus();
  }, [focus]);

  function regroup(event: Event) {
    const field = event.currentTarget as HTMLInputElement;
    const typed = regroupTyped({ text: field.value, caret: field.selectionStart ?? field.value.length });
    if (typed.text === field.value) return;
    field.value = typed.text;
    field.setSelectionRange(typed.caret, typed.caret);
  }

  function stepOverSpace(event: KeyboardEvent) {
    const field = event.currentTarget as HTMLInputElement;
    if (event.key !== 'Backspace' || field.selectionStart === null || field.selectionStart !== field.selectionEnd) return;
    const caret = caretBeforeBackspace({ text: field.value, caret: field.selectionStart });
    field.setSelectionRange(caret, caret);
  }

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const field = input.current;
    if (!field) return;
    const code = ungroupedCode(field.value);
    if (code === '') return;
    field.value = '';
    onCode(code);
  }

  return (
    <form class="form manual" onSubmit={submit}>
      <div class="field">
        <label for="manual-code">{t('scan.manualLabel')}</label>
        <input
          id="manual-code"
          name="code"
          data-testid="manual-code-input"
          autocomplete="off"
          autocapitalize="none"
          spellcheck={false}
          inputMode="numeric"
          required
          ref={input}
          onInput={regroup}
          onKeyDown={stepOverSpace}
        />
      </div>
      <button type="submit" class="button button--primary" data-testid="manual-code-submit">
        {t('scan.manualSubmit')}
      </button>
    </form>
  );
}
