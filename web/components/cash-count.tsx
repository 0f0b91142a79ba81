import { formatCents, type Currency } from '../../shared/money.ts';
import { valueOfEntry, type CashEntry } from '../cash-entry.ts';
import { denominationsOf } from '../denominations.ts';
import { formatMoney, language, locales, t } from '../i18n/index.ts';

interface CashCountProps {
  /** Prefix of ids and test ids: `float` when opening, `counted` when closing. */
  idPrefix: string;
  currency: Currency;
  legend: string;
  entry: CashEntry;
  onChange: (entry: CashEntry) => void;
}

/** A note or coin as printed on it: "€500", "€0.50" (whole amounts without cents, so two fit a row of a small phone). */
function pieceLabel(cents: number, currency: Currency): string {
  const digits = cents % 100 === 0 ? 0 : 2;
  return new Intl.NumberFormat(locales[language()], { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    formatCents(cents) as `${number}`,
  );
}

/** One currency's cash, typed as a total or counted note by note and coin by coin (the sum is exact, in cents). */
export function CashCount({ idPrefix, currency, legend, entry, onChange }: CashCountProps) {
  const denominations = denominationsOf(currency);
  const id = `${idPrefix}-${currency}`;
  const value = valueOfEntry(entry, currency);
  const byPieces = entry.mode === 'pieces' && denominations !== null;
  return (
    <fieldset class="cash-count" data-testid={`${id}-count`}>
      <legend>{legend}</legend>
      {denominations && (
        <label class="check check--small">
          <input
            type="checkbox"
            data-testid={`${id}-by-pieces`}
            checked={byPieces}
            onChange={(event) => onChange({ ...entry, mode: event.currentTarget.checked ? 'pieces' : 'total' })}
          />
          {t('cash.byPieces')}
        </label>
      )}
      {byPieces ? (
        <>
          <div class="pieces">
            {denominations.map((cents) => (
              <div class="pieces__field" key={cents}>
                <label for={`${id}-piece-${cents}`}>{pieceLabel(cents, currency)}</label>
                <input
                  id={`${id}-piece-${cents}`}
                  data-testid={`${id}-piece-${cents}`}
                  inputMode="numeric"
                  autocomplete="off"
                  size={4}
                  value={entry.pieces[cents] ?? ''}
                  onInput={(event) => onChange({ ...entry, pieces: { ...entry.pieces, [cents]: event.currentTarget.value } })}
                />
              </div>
            ))}
          </div>
          <p class="pieces__sum" data-testid={`${id}-sum`} aria-live="polite">
            {value.kind === 'invalid' ? t('cash.piecesInvalid') : t('cash.sum', { amount: formatMoney(value.kind === 'amount' ? value.amount : '0.00', currency) })}
          </p>
        </>
      ) : (
        <div class="field">
          <label for={`${id}-total`}>{t('cash.total', { currency })}</label>
          <input
            id={`${id}-total`}
            data-testid={`${id}-total`}
            inputMode="decimal"
            autocomplete="off"
            value={entry.total}
            aria-invalid={value.kind === 'invalid'}
            onInput={(event) => onChange({ ...entry, total: event.currentTarget.value })}
          />
          {value.kind === 'invalid' && (
            <p class="field__error" role="alert">
              {t('cash.totalInvalid')}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
