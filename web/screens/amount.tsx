import { useEffect, useState } from 'preact/hooks';
import type { ConfigResponse } from '../../shared/api.ts';
import { parseAmount, type Currency } from '../../shared/money.ts';
import { api } from '../api.ts';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Keypad } from '../components/keypad.tsx';
import { Progress } from '../components/progress.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { limitsFor } from '../currency-limits.ts';
import { failureOf, type Failure } from '../failure.ts';
import type { AmountPrefill, FlowControl } from '../flow.ts';
import { formatMoney, formatTypedAmount, t } from '../i18n/index.ts';
import { canonicalAmount, keypadKeyOf, pressKey, typedCents, type KeypadKey } from '../keypad.ts';
import { loadScanner } from '../scanner-loader.ts';
import { useCurrentShift } from '../use-current-shift.ts';
import { useFitText } from '../use-fit-text.ts';
import { ShiftGate } from './amount-shift.tsx';

interface AmountProps {
  config: ConfigResponse;
  flow: FlowControl;
  notice?: 'cancelled';
  /** The amount of an ended cash-out, typed in for the next one (the keypad takes "50.00" as typed). */
  prefill?: AmountPrefill;
  /** Typed or sending: the home screen is not idle, so no update prompt. */
  onBusyChange: (busy: boolean) => void;
}

function centsOf(amount: string): number {
  const parsed = parseAmount(amount);
  return parsed.ok ? parsed.cents : 0;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

export function AmountScreen({ config, flow, notice, prefill, onBusyChange }: AmountProps) {
  const [input, setInput] = useState(prefill?.amount ?? '');
  const [currency, setCurrency] = useState<Currency>(prefill?.currency ?? config.defaultCurrency);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const drawer = useCurrentShift();

  const cents = typedCents(input);
  const limits = limitsFor(config, currency);
  const maxCents = centsOf(limits.maxAmount);
  // The keypad takes eight whole digits, more than parseAmount's maximum: a typed amount it refuses is over any limit.
  const overLimit = cents === null ? /[1-9]/.test(input) : cents > maxCents;
  const needsApproval = cents !== null && !overLimit && cents >= centsOf(limits.supervisorThreshold);
  const payable = cents !== null && !overLimit && !sending;
  const shown = input === '' ? formatMoney('0.00', currency) : formatTypedAmount(input, currency);
  const display = useFitText<HTMLOutputElement>(shown);

  function limitsText(): string {
    const threshold = formatMoney(limits.supervisorThreshold, currency);
    if (overLimit) return t('amount.overLimit', { max: formatMoney(limits.maxAmount, currency) });
    if (needsApproval) return t('amount.needsApproval', { threshold });
    return t('amount.limits', { max: formatMoney(limits.maxAmount, currency), threshold });
  }

  useEffect(() => onBusyChange(input !== '' || sending), [input, sending]);

  function press(key: KeypadKey) {
    // The scanner chunk loads while the amount is typed, so the camera opens without a wait.
    loadScanner().catch(() => undefined);
    setFailure(null);
    setInput((previous) => pressKey(previous, key));
  }

  async function submit() {
    const amount = canonicalAmount(input);
    if (amount === null || !payable) return;
    setSending(true);
    setFailure(null);
    try {
      flow.started(await api.createCashout(amount, currency));
    } catch (error) {
      const refused = failureOf(error);
      if (refused.code === 'NO_OPEN_SHIFT') return flow.show({ name: 'shift-open' });
      // The typed amount stays; the drawer is read again so the screen shows what it can cover, or that the shift is counted.
      if (refused.code === 'NOT_ENOUGH_CASH' || refused.code === 'SHIFT_CLOSED') drawer.reload();
      setFailure(refused);
      setSending(false);
    }
  }

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (sending || isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Enter') return void submit();
      const key = keypadKeyOf(event.key);
      if (key === null) return;
      event.preventDefault();
      press(key);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  return (
    <ScreenFrame name="amount" title={t('amount.title')}>
      {notice === 'cancelled' && input === '' && (
        <p class="notice" role="status">
          {t('amount.cancelled')}
        </p>
      )}
      <div class="amount-row">
        <output
          ref={display}
          class={`amount-display${input === '' ? ' amount-display--empty' : ''}`}
          data-testid="amount-display"
          aria-label={t('amount.display')}
          aria-live="polite"
        >
          {shown}
        </output>
        {config.currencies.length > 1 && (
          <select
            class="amount-currency"
            aria-label={t('amount.currency')}
            value={currency}
            disabled={sending}
            onChange={(event) => setCurrency(event.currentTarget.value as Currency)}
          >
            {config.currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        )}
      </div>
      <p class={overLimit ? 'limits limits--over' : needsApproval ? 'limits limits--approval' : 'limits'} data-testid="amount-limits" role={overLimit ? 'alert' : 'status'}>
        {limitsText()}
      </p>
      <ShiftGate shift={drawer.shift} currency={currency} required={config.requireShift} show={flow.show}>
        <Keypad onKey={press} disabled={sending} />
        {failure && <FailureAlert failure={failure} />}
        {sending ? (
          <Progress label={t('amount.busy')} />
        ) : (
          <button type="button" class="button button--primary button--wide" data-testid="amount-submit" disabled={!payable} onClick={submit}>
            {t('amount.submit')}
          </button>
        )}
      </ShiftGate>
    </ScreenFrame>
  );
}
