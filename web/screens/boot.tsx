import { Progress } from '../components/progress.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { t } from '../i18n/index.ts';

export function BootScreen() {
  return (
    <ScreenFrame name="boot" title={t('app.name')}>
      <Progress label={t('boot.loading')} />
    </ScreenFrame>
  );
}
