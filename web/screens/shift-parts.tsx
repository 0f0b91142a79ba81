import './desk.css';
import type { ComponentChildren } from 'preact';
import type { Shift, SignedCash } from '../../shared/desk-api.ts';
import { formatDateTime, formatMoney, t } from '../i18n/index.ts';

type Cash = { amount: string; currency: string };

/** Amounts per currency on one line; an empty list is no cash at all. */
export function cashText(list: readonly Cash[]): string {
  return list.length === 0 ? t('cash.nothing') : list.map((cash) => formatMoney(cash.amount, cash.currency)).join(' · ');
}

/** A difference with its sign always shown, so a shortfall never reads as a surplus. */
export function differenceText(list: readonly SignedCash[]): string {
  if (list.length === 0) return t('cash.nothing');
  return list.map((cash) => (cash.amount.startsWith('-') || cash.amount === '0.00' ? '' : '+') + formatMoney(cash.amount, cash.currency)).join(' · ');
}

/** Label–value lines; `testId` goes on each value. */
export function Facts({ lines }: { lines: [label: string, value: ComponentChildren, testId: string][] }) {
  return (
    <dl class="facts">
      {lines.map(([label, value, testId]) => (
        <div class="facts__line" key={testId}>
          <dt>{label}</dt>
          <dd data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Where and when the shift opened, and its cash now (or at the count). */
export function ShiftSummary({ shift }: { shift: Shift }) {
  return (
    <Facts
      lines={[
        [t('shift.location'), shift.locationName, 'shift-location'],
        [t('shift.cashier'), shift.cashier, 'shift-cashier'],
        [t('shift.openedAt'), formatDateTime(shift.openedAt), 'shift-opened-at'],
        [t('shift.float'), cashText(shift.float), 'shift-float'],
        [t('shift.expected'), cashText(shift.expected), 'shift-expected'],
        ...(shift.status === 'open' ? [[t('shift.available'), cashText(shift.available), 'shift-available'] as [string, string, string]] : []),
      ]}
    />
  );
}

/** The count against what was expected, and the difference. */
export function CountResult({ expected, counted, difference }: { expected: readonly Cash[]; counted: readonly Cash[]; difference: readonly SignedCash[] }) {
  return (
    <Facts
      lines={[
        [t('close.expected'), cashText(expected), 'count-expected'],
        [t('close.countedLabel'), cashText(counted), 'count-counted'],
        [t('close.difference'), <strong key="difference">{differenceText(difference)}</strong>, 'count-difference'],
      ]}
    />
  );
}
