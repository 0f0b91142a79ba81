import { describe, expect, it } from 'vitest';
import { fittedFontSize, nextSmallerFontSize } from '../../web/fit-text.ts';

describe('fittedFontSize', () => {
  it('keeps the largest size when the line already fits', () => {
    expect(fittedFontSize(60, 200, 272)).toBe(60);
    expect(fittedFontSize(60, 272, 272)).toBe(60);
  });

  it('scales the size by the room over the natural width, rounded down', () => {
    expect(fittedFontSize(60, 400, 272)).toBe(40.8);
    expect(fittedFontSize(67.5, 545.3, 272)).toBe(33.6);
  });

  it('never rounds up into an overflow', () => {
    const size = fittedFontSize(60, 7, 3);
    expect((7 * size) / 60).toBeLessThanOrEqual(3);
  });

  it('leaves an unmeasurable line at the largest size', () => {
    expect(fittedFontSize(60, 0, 272)).toBe(60);
  });
});

describe('nextSmallerFontSize', () => {
  it('steps down by about 3 %, always smaller', () => {
    expect(nextSmallerFontSize(40)).toBe(38.8);
    expect(nextSmallerFontSize(1)).toBeLessThan(1);
  });
});
