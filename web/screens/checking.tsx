import { useEffect } from 'preact/hooks';
import type { Cashout } from '../../shared/api.ts';
import { api } from '../api.ts';
import { Progress } from '../components/progress.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { cashoutGone, isOneOf } from '../error-sets.ts';
import { failureOf, type Failure } from '../failure.ts';
import { screenForCashout, type FlowControl } from '../flow.ts';
import { formatMoney, t } from '../i18n/index.ts';
import { useOnline } from '../use-online.ts';

const pollEveryMs = 1500;

/**
 * The outcome of a Paysera call is not known. This screen asks the server until it is and never
 * guesses: it leaves only for the screen that the server's status dictates.
 */
export function CheckingScreen({ cashout, notice, flow }: { cashout: Cashout; notice?: Failure; flow: FlowControl }) {
  const online = useOnline();

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      try {
        const current = await api.cashout(cashout.id);
        if (current.status !== 'in_doubt') return flow.show(screenForCashout(current, notice));
      } catch (error) {
        if (isOneOf(cashoutGone, error)) return flow.show({ name: 'error', failure: failureOf(error), cashout, next: 'new-cashout' });
      }
      if (!stopped) timer = setTimeout(poll, pollEveryMs);
    }
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  return (
    <ScreenFrame name="checking" title={t('checking.title')}>
      <p class="verify__amount">{formatMoney(cashout.amount, cashout.currency)}</p>
      <p class="alert alert--warning">{t('checking.body')}</p>
      <Progress label={t('checking.progress')} />
      {!online && (
        <p class="notice" role="status">
          {t('checking.noConnection')}
        </p>
      )}
    </ScreenFrame>
  );
}
