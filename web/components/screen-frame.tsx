import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/index.ts';

interface ScreenFrameProps {
  name: string;
  title: string;
  tone?: 'plain' | 'dark' | 'success' | 'danger';
  errorCode?: string;
  onBack?: () => void;
  children?: ComponentChildren;
}

/** The root of every screen; moves focus to its heading so screen readers announce the change. */
export function ScreenFrame({ name, title, tone = 'plain', errorCode, onBack, children }: ScreenFrameProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main class={`screen screen--${tone}`} data-screen={name} data-testid={`${name}-screen`} data-error-code={errorCode}>
      {onBack && (
        <button type="button" class="button button--quiet back no-print" onClick={onBack}>
          ← {t('nav.back')}
        </button>
      )}
      <h1 class="screen__title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </main>
  );
}
