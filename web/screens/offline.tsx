import { ScreenFrame } from '../components/screen-frame.tsx';
import { t } from '../i18n/index.ts';

/** The shell opened without the server: say plainly that paying out needs a connection. */
export function OfflineScreen({ onRetry }: { onRetry: () => void }) {
  return (
    <ScreenFrame name="offline" title={t('offline.title')}>
      <p class="lead">{t('offline.body')}</p>
      <button type="button" class="button button--primary button--wide" onClick={onRetry}>
        {t('offline.retry')}
      </button>
    </ScreenFrame>
  );
}
