import { useId } from 'preact/hooks';
import { languageNames, t, type Language } from '../i18n/index.ts';

export function LanguageSelect({ value, onChange }: { value: Language; onChange: (language: Language) => void }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{t('settings.language')}</label>
      <select
        id={id}
        data-testid="language-select"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value as Language)}
      >
        {(Object.keys(languageNames) as Language[]).map((language) => (
          <option key={language} value={language} lang={language}>
            {languageNames[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
