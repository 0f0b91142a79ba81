import { t } from '../i18n/index.ts';

export function UpdatePrompt({ onAccept }: { onAccept: () => void }) {
  return (
    <div class="banner banner--update" data-testid="update-prompt" role="status">
      <span>{t('update.prompt')}</span>
      <button type="button" class="button button--small" onClick={onAccept}>
        {t('update.reload')}
      </button>
    </div>
  );
}
