import { t } from '../i18n/index.ts';

export function DemoBanner() {
  return (
    <div class="banner banner--demo" data-testid="demo-banner" role="note">
      {t('demo.banner')}
    </div>
  );
}
