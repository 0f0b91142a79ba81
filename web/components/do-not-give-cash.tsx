import { t } from '../i18n/index.ts';

/** Shown from the moment Confirm is pressed until Paysera's answer is known. */
export function DoNotGiveCash() {
  return (
    <p class="alert alert--warning alert--strong" role="alert" data-testid="do-not-give-cash">
      {t('cash.doNotGiveYet')}
    </p>
  );
}
