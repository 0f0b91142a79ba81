/** Calendar days in the server's local time zone: a shift's day is the shop's day, not UTC's. */

import { localDate } from '../../shared/local-date.ts';

export interface TimeRange {
  from: number;
  to: number;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** [start of the day, start of the next day) in unix ms, or null for a malformed or impossible date. */
export function localDayRange(date: string): TimeRange | null {
  const match = datePattern.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(year, month - 1, day);
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== day) return null;
  return { from: start.getTime(), to: new Date(year, month - 1, day + 1).getTime() };
}

/** The local day that contains the instant `ms`. */
export function localDayAt(ms: number): TimeRange {
  const at = new Date(ms);
  const [year, month, day] = [at.getFullYear(), at.getMonth(), at.getDate()];
  return { from: new Date(year, month, day).getTime(), to: new Date(year, month, day + 1).getTime() };
}

export const badDateMessage = 'Use a date like 2026-11-26.';

/**
 * The day a `date` query parameter names, or without one the day that contains `now`: the
 * caller's clock decides "today", so a request at 23:59:59.999 still lists that day.
 */
export function requestedDay(date: string | undefined, now: number): ({ date: string } & TimeRange) | null {
  const day = date ?? localDate(now);
  const range = localDayRange(day);
  return range && { date: day, ...range };
}

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A bound of an audit query: a date stands for its whole local day (the start for `from`, the
 * start of the next day for `to`), an ISO time for itself.
 */
export function parseBound(value: string, side: 'from' | 'to'): number | null {
  const day = localDayRange(value);
  if (day) return side === 'from' ? day.from : day.to;
  if (!isoTime.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
