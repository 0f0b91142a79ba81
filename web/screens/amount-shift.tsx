import type { ComponentChildren } from 'preact';
import type { Shift } from '../../shared/desk-api.ts';
import type { Currency } from '../../shared/money.ts';
import type { Screen } from '../flow.ts';
import { formatMoney, t } from '../i18n/index.ts';

interface ShiftGateProps {
  /** undefined while not known: the keypad shows, and the server refuses what the drawer cannot cover. */
  shift: Shift | null | undefined;
  currency: Currency;
  /** REQUIRE_SHIFT: no payout outside an open shift. */
  required: boolean;
  show: (screen: Screen) => void;
  children: ComponentChildren;
}

/** The keypad while payouts may go on, with the cash the drawer has for them; the way to a shift when they may not. */
export function ShiftGate({ shift, currency, required, show, children }: ShiftGateProps) {
  if (shift && shift.status !== 'open') {
    return <Blocked text={t('shift.awaitingSignOff')} button={t('nav.shift')} testId="amount-shift" onClick={() => show({ name: 'shift' })} />;
  }
  if (shift === null && required) {
    return <Blocked text={t('amount.noShift')} button={t('shift.open')} testId="amount-open-shift" onClick={() => show({ name: 'shift-open' })} />;
  }
  const available = shift?.available.find((cash) => cash.currency === currency)?.amount ?? '0.00';
  return (
    <>
      {shift && (
        <p class="limits amount-available" data-testid="amount-available">
          {t('amount.available', { amount: formatMoney(available, currency) })}
        </p>
      )}
      {children}
    </>
  );
}

function Blocked({ text, button, testId, onClick }: { text: string; button: string; testId: string; onClick: () => void }) {
  return (
    <>
      <p class="alert alert--warning" role="status">
        {text}
      </p>
      <button type="button" class="button button--primary button--wide" data-testid={testId} onClick={onClick}>
        {button}
      </button>
    </>
  );
}
