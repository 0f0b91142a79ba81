import { t } from '../i18n/index.ts';

export function OfflineNotice() {
  return (
    <div class="banner banner--offline" data-testid="offline-notice" role="alert">
      {t('offline.notice')}
    </div>
  );
}
