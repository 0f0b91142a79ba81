import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/index.ts';

interface ManualCodeFormProps {
  /** Opened by the cashier (rather than shown because the camera failed): the field takes the focus. */
  focus: boolean;
  onCode: (code: string) => void;
}

/** The reservation code typed by hand; the field is emptied as the code is handed on, so it stays nowhere. */
export function ManualCodeForm({ focus, onCode }: ManualCodeFormProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focus) input.current?.focus();
  }, [focus]);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const field = input.current;
    if (!field || field.value.trim() === '') return;
    const code = field.value;
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
          inputMode="text"
          required
          ref={input}
        />
      </div>
      <button type="submit" class="button button--primary" data-testid="manual-code-submit">
        {t('scan.manualSubmit')}
      </button>
    </form>
  );
}
