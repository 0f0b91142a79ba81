/** Calendar days in the server's local time zone: a shift's day is the shop's day, not UTC's. */

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

export function localDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
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
