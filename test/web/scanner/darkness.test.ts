import { describe, expect, it } from 'vitest';
import { createDarknessWatch, darkForMs, darkLuminance, meanLuminance } from '../../../web/scanner/darkness.ts';

describe('meanLuminance', () => {
  it('averages the sample', () => {
    expect(meanLuminance(new Uint8ClampedArray([0, 10, 20, 250]))).toBe(70);
  });

  it('calls an empty sample dark', () => {
    expect(meanLuminance(new Uint8ClampedArray(0))).toBe(0);
  });
});

describe('createDarknessWatch', () => {
  const dark = darkLuminance - 1;
  const bright = darkLuminance;

  it('answers true once the scene has stayed dark for the whole period', () => {
    const isDark = createDarknessWatch();
    expect(isDark(dark, 1000)).toBe(false);
    expect(isDark(dark, 1000 + darkForMs - 1)).toBe(false);
    expect(isDark(dark, 1000 + darkForMs)).toBe(true);
    expect(isDark(dark, 1000 + darkForMs + 250)).toBe(true);
  });

  it('starts counting again after one bright sample', () => {
    const isDark = createDarknessWatch();
    isDark(dark, 0);
    expect(isDark(bright, darkForMs - 100)).toBe(false);
    expect(isDark(dark, darkForMs)).toBe(false);
    expect(isDark(dark, 2 * darkForMs - 1)).toBe(false);
    expect(isDark(dark, 2 * darkForMs)).toBe(true);
  });

  it('turns false at the first bright sample after a dark period', () => {
    const isDark = createDarknessWatch();
    isDark(dark, 0);
    expect(isDark(dark, darkForMs)).toBe(true);
    expect(isDark(bright, darkForMs + 250)).toBe(false);
  });

  it('takes its limits as given', () => {
    const isDark = createDarknessWatch({ luminance: 100, forMs: 500 });
    isDark(99, 0);
    expect(isDark(99, 500)).toBe(true);
  });
});
