import { formatRemaining, type HoldUrgency } from '../hold-urgency.ts';
import { t, type MessageKey } from '../i18n/index.ts';

const wording: Record<Exclude<HoldUrgency, 'lapsed'>, MessageKey> = {
  calm: 'verify.holdLeft',
  soon: 'verify.holdSoon',
  urgent: 'verify.holdUrgent',
};

/**
 * The time left on Paysera's hold. The words change with the colour, so the urgency does not rest
 * on colour alone; a timer role keeps screen readers from announcing every second.
 */
export function HoldCountdown({ remainingMs, urgency }: { remainingMs: number; urgency: Exclude<HoldUrgency, 'lapsed'> }) {
  return (
    <p class={`countdown countdown--${urgency}`} role="timer" data-testid="hold-countdown" data-urgency={urgency}>
      {t(wording[urgency], { time: formatRemaining(remainingMs) })}
    </p>
  );
}
