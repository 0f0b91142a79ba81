import { useEffect, useState } from 'preact/hooks';
import type { Cashout } from '../../shared/api.ts';
import { api } from '../api.ts';
import { DoNotGiveCash } from '../components/do-not-give-cash.tsx';
import { Progress } from '../components/progress.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { cashoutGone, isOneOf } from '../error-sets.ts';
import { failureOf, type Failure } from '../failure.ts';
import { screenForCashout, type FlowControl } from '../flow.ts';
import { formatMoney, t } from '../i18n/index.ts';
import { useNow } from '../use-now.ts';
import { useOnline } from '../use-online.ts';

const pollEveryMs = 1500;
/** Long enough for a slow Paysera to answer, short enough that a queue does not stand and wait. */
const supervisorAfterMs = 30_000;

/**
 * The outcome of a Paysera call is not known. This screen asks the server until it is and never
 * guesses: it leaves only for the screen that the server's status dictates.
 */
export function CheckingScreen({ cashout, notice, flow }: { cashout: Cashout; notice?: Failure; flow: FlowControl }) {
  const online = useOnline();
  const [shownAt] = useState(Date.now);
  const waitedLong = useNow() - shownAt >= supervisorAfterMs;

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
      <DoNotGiveCash />
      <p class="alert alert--warning">{t('checking.body')}</p>
      <Progress label={t('checking.progress')} />
      <dl class="reference" data-testid="checking-reference">
        {cashout.transactionKey !== null && (
          <>
            <dt>{t('checking.reference')}</dt>
            <dd>{cashout.transactionKey}</dd>
          </>
        )}
        <dt>{t('checking.cashoutId')}</dt>
        <dd>{cashout.id}</dd>
      </dl>
      {waitedLong && (
        <p class="alert alert--strong" role="alert" data-testid="call-supervisor">
          {t('checking.callSupervisor')}
        </p>
      )}
      {!online && (
        <p class="notice" role="status">
          {t('checking.noConnection')}
        </p>
      )}
    </ScreenFrame>
  );
}
