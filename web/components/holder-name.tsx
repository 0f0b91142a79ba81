import { t } from '../i18n/index.ts';

/** The account holder's name as Paysera shows it, to set against the identity document; shown, never kept. */
export function HolderName({ name }: { name: string | null | undefined }) {
  return (
    <p class="holder" data-testid="holder-name" data-available={name ? 'yes' : 'no'}>
      {t('verify.holder')} {name ? <strong>{name}</strong> : <em>{t('verify.holderUnknown')}</em>}
    </p>
  );
}
