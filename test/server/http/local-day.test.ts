import { describe, expect, it } from 'vitest';
import { localDayAt, localDayRange, parseBound, requestedDay } from '../../../server/http/local-day.ts';
import { localDate } from '../../../shared/local-date.ts';

describe('local days', () => {
  it('spans a local calendar day', () => {
    const range = localDayRange('2026-11-26');
    expect(range).toEqual({ from: new Date(2026, 10, 26).getTime(), to: new Date(2026, 10, 27).getTime() });
    expect(localDate(range?.from ?? 0)).toBe('2026-11-26');
    expect(localDate((range?.to ?? 0) - 1)).toBe('2026-11-26');
  });

  it('finds the day around an instant, up to its last millisecond', () => {
    const day = { from: new Date(2026, 10, 26).getTime(), to: new Date(2026, 10, 27).getTime() };
    expect(localDayAt(day.from)).toEqual(day);
    expect(localDayAt(day.to - 1)).toEqual(day);
    expect(localDayAt(day.to)).toEqual(localDayRange('2026-11-27'));
  });

  it('takes the requested date, or without one the day of the given clock', () => {
    const lastMoment = new Date(2026, 10, 26, 23, 59, 59, 999).getTime();
    expect(requestedDay(undefined, lastMoment)).toEqual({ date: '2026-11-26', ...localDayRange('2026-11-26') });
    expect(requestedDay(undefined, lastMoment + 1)).toEqual({ date: '2026-11-27', ...localDayRange('2026-11-27') });
    expect(requestedDay('2001-01-01', lastMoment)).toEqual({ date: '2001-01-01', ...localDayRange('2001-01-01') });
    expect(requestedDay('2026-02-30', lastMoment)).toBeNull();
  });

  it('refuses malformed and impossible dates', () => {
    for (const date of ['2026-2-1', '2026-02-30', '2026-13-01', '26-11-2026', '']) expect(localDayRange(date)).toBeNull();
  });

  it('reads audit bounds as dates or ISO times', () => {
    expect(parseBound('2026-11-26', 'from')).toBe(new Date(2026, 10, 26).getTime());
    expect(parseBound('2026-11-26', 'to')).toBe(new Date(2026, 10, 27).getTime());
    expect(parseBound('2026-11-26T10:00:00Z', 'from')).toBe(Date.UTC(2026, 10, 26, 10));
    expect(parseBound('2026-11-26T10:00:00.250+02:00', 'to')).toBe(Date.UTC(2026, 10, 26, 8, 0, 0, 250));
    expect(parseBound('yesterday', 'from')).toBeNull();
    expect(parseBound('2026-11-26T25:00:00Z', 'from')).toBeNull();
  });
});
