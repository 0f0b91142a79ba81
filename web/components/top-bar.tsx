import type { User } from '../../shared/api.ts';
import { t } from '../i18n/index.ts';

export type MenuTarget = 'history' | 'report' | 'settings' | 'shift';

/** Navigation of the idle home screen; hidden during a cash-out so nobody wanders off mid-payout. */
export function TopBar({ user, onOpen }: { user: User; onOpen: (target: MenuTarget) => void }) {
  const supervises = user.role === 'supervisor' || user.role === 'admin';
  return (
    <div class="top-bar">
      <span class="top-bar__brand">{t('app.name')}</span>
      {/* Beside the brand, not in the menu row: four entries do not fit one row of a 320 px phone. */}
      <button type="button" class="button button--quiet top-bar__shift" data-testid="shift-nav" onClick={() => onOpen('shift')}>
        {t('nav.shift')}
      </button>
      <nav class="top-bar__nav" aria-label={t('nav.menu')}>
        <button type="button" class="button button--quiet" data-testid="history-open" onClick={() => onOpen('history')}>
          {t('nav.history')}
        </button>
        {supervises && (
          <button type="button" class="button button--quiet" data-testid="report-open" onClick={() => onOpen('report')}>
            {t('nav.report')}
          </button>
        )}
        <button type="button" class="button button--quiet" data-testid="settings-open" onClick={() => onOpen('settings')}>
          {t('nav.settings')}
        </button>
      </nav>
    </div>
  );
}
