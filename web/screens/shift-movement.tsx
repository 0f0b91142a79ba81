import { useState } from 'preact/hooks';
import type { MovementKind } from '../../shared/desk-api.ts';
import { formatCents, parseAmount, type Currency } from '../../shared/money.ts';
import { FailureAlert } from '../components/failure-alert.tsx';
import { Progress } from '../components/progress.tsx';
import { deskApi } from '../desk-api.ts';
import { failureOf, type Failure } from '../failure.ts';
import { t } from '../i18n/index.ts';

interface MovementFormProps {
  shiftId: string;
  currencies: readonly Currency[];
  onRecorded: () => void;
}

/** Cash put into the drawer (a pay-in) or taken to the safe (a drop), with the reason. */
export function MovementForm({ shiftId, currencies, onRecorded }: MovementFormProps) {
  const [kind, setKind] = useState<MovementKind>('drop');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState<Currency>(currencies[0] ?? 'EUR');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [recorded, setRecorded] = useState(false);

  const parsed = parseAmount(amount.trim().replace(',', '.'));
  const ready = parsed.ok && reason.trim() !== '' && !busy;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (!parsed.ok || !ready) return;
    setBusy(true);
    setFailure(null);
    setRecorded(false);
    try {
      await deskApi.recordMovement(shiftId, { kind, amount: formatCents(parsed.cents), currency, reason: reason.trim() });
      setAmount('');
      setReason('');
      setRecorded(true);
      onRecorded();
    } catch (error) {
      setFailure(failureOf(error));
    }
    setBusy(false);
  }

  return (
    <form class="form movement" data-testid="movement-form" onSubmit={submit} aria-labelledby="movement-title">
      <h2 id="movement-title">{t('movement.title')}</h2>
      <fieldset class="checklist">
        <legend>{t('movement.kind')}</legend>
        {(['drop', 'pay_in'] as const).map((option) => (
          <label class="check" key={option}>
            <input type="radio" name="movement-kind" data-testid={`movement-${option}`} checked={kind === option} onChange={() => setKind(option)} />
            {t(option === 'drop' ? 'movement.drop' : 'movement.payIn')}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="movement-amount">{t('movement.amount')}</label>
        <div class="movement__amount">
          <input
            id="movement-amount"
            data-testid="movement-amount"
            inputMode="decimal"
            autocomplete="off"
            value={amount}
            aria-invalid={amount.trim() !== '' && !parsed.ok}
            onInput={(event) => setAmount(event.currentTarget.value)}
          />
          {currencies.length > 1 && (
            <select aria-label={t('amount.currency')} value={currency} onChange={(event) => setCurrency(event.currentTarget.value as Currency)}>
              {currencies.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          )}
        </div>
      </div>
      <div class="field">
        <label for="movement-reason">{t('movement.reason')}</label>
        <input id="movement-reason" data-testid="movement-reason" maxLength={200} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
      </div>
      {failure && <FailureAlert failure={failure} />}
      {recorded && (
        <p class="notice" role="status" data-testid="movement-recorded">
          {t('movement.recorded')}
        </p>
      )}
      {busy ? (
        <Progress label={t('movement.busy')} />
      ) : (
        <button type="submit" class="button button--secondary" data-testid="movement-submit" disabled={!ready}>
          {t('movement.submit')}
        </button>
      )}
    </form>
  );
}
