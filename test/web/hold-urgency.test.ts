import { describe, expect, it } from 'vitest';
import { formatRemaining, holdUrgency } from '../../web/hold-urgency.ts';

describe('hold urgency', () => {
  it('is calm from a minute up, amber under 60 s, red under 20 s, lapsed at zero', () => {
    expect(holdUrgency(300_000)).toBe('calm');
    expect(holdUrgency(60_000)).toBe('calm');
    expect(holdUrgency(59_999)).toBe('soon');
    expect(holdUrgency(20_000)).toBe('soon');
    expect(holdUrgency(19_999)).toBe('urgent');
    expect(holdUrgency(1)).toBe('urgent');
    expect(holdUrgency(0)).toBe('lapsed');
    expect(holdUrgency(-5000)).toBe('lapsed');
  });

  it('shows whole seconds rounded up as m:ss', () => {
    expect(formatRemaining(300_000)).toBe('5:00');
    expect(formatRemaining(59_001)).toBe('1:00');
    expect(formatRemaining(59_000)).toBe('0:59');
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(-1)).toBe('0:00');
  });
});
