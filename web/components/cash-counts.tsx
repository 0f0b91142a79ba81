import type { Currency } from '../../shared/money.ts';
import { emptyEntry, type CashEntries } from '../cash-entry.ts';
import { CashCount } from './cash-count.tsx';

interface CashCountsProps {
  idPrefix: string;
  currencies: readonly Currency[];
  legend: (currency: Currency) => string;
  entries: CashEntries;
  onChange: (entries: CashEntries) => void;
}

/** A cash count per currency, one fieldset each. */
export function CashCounts({ idPrefix, currencies, legend, entries, onChange }: CashCountsProps) {
  return (
    <>
      {currencies.map((currency) => (
        <CashCount
          key={currency}
          idPrefix={idPrefix}
          currency={currency}
          legend={legend(currency)}
          entry={entries[currency] ?? emptyEntry}
          onChange={(entry) => onChange({ ...entries, [currency]: entry })}
        />
      ))}
    </>
  );
}
