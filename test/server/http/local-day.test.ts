import { describe, expect, it } from 'vitest';
import { localDate, localDayRange, parseBound } from '../../../server/http/local-day.ts';

describe('local days', () => {
  it('spans a local calendar day', () => {
    const range = localDayRange('2026-11-26');
    expect(range).toEqual({ from: new Date(2026, 10, 26).getTime(), to: new Date(2026, 10, 27).getTime() });
    expect(localDate(range?.from ?? 0)).toBe('2026-11-26');
    expect(localDate((range?.to ?? 0) - 1)).toBe('2026-11-26');
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
