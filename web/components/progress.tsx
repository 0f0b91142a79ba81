import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';

/** Every wait says what is happening and for how long, so a slow Paysera is visible, not frozen. */
export function Progress({ label }: { label: string }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div class="progress" role="status" data-testid="progress">
      <span class="progress__spinner" aria-hidden="true" />
      <span class="progress__label">{label}</span>
      <span class="progress__elapsed" aria-hidden="true">
        {t('progress.elapsed', { seconds })}
      </span>
    </div>
  );
}
