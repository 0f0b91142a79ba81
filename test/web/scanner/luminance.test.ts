import { describe, expect, it } from 'vitest';
import { rgbaToLuminance } from '../../../web/scanner/luminance.ts';

describe('rgbaToLuminance', () => {
  it('weights red, green and blue like @zxing/browser', () => {
    const rgba = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255]);
    expect([...rgbaToLuminance(rgba, 5)]).toEqual([255, 0, 76, 150, 29]);
  });

  it('treats fully transparent pixels as white', () => {
    expect([...rgbaToLuminance(new Uint8ClampedArray([0, 0, 0, 0]), 1)]).toEqual([255]);
  });

  it('produces one byte per pixel', () => {
    expect(rgbaToLuminance(new Uint8ClampedArray(4 * 6), 6)).toHaveLength(6);
  });
});
