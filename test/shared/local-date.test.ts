import { describe, expect, it } from 'vitest';
import { localDate } from '../../shared/local-date.ts';

describe('localDate', () => {
  it('names the local calendar day of an instant, given as a Date or as unix ms', () => {
    const lastMoment = new Date(2026, 10, 26, 23, 59, 59, 999);
    expect(localDate(lastMoment)).toBe('2026-11-26');
    expect(localDate(lastMoment.getTime())).toBe('2026-11-26');
    expect(localDate(lastMoment.getTime() + 1)).toBe('2026-11-27');
  });

  it('pads months and days to two digits', () => {
    expect(localDate(new Date(2027, 0, 5, 0, 0, 0, 0))).toBe('2027-01-05');
  });
});
