import { describe, expect, it } from 'vitest';
import { tapToPicturePoint } from '../../../web/scanner/tap-point.ts';

const landscape = { width: 1280, height: 720 };

describe('tapToPicturePoint', () => {
  it('maps the centre of the element to the centre of the picture whatever the fit', () => {
    for (const fit of ['cover', 'contain', 'fill']) {
      expect(tapToPicturePoint(180, 150, { width: 360, height: 300 }, landscape, fit)).toEqual({ x: 0.5, y: 0.5 });
    }
  });

  it('undoes the sideways crop of a landscape picture covering a portrait viewfinder', () => {
    // Scaled to 300 px high the picture is 533⅓ px wide: 86⅔ px are cut off on each side.
    const element = { width: 360, height: 300 };
    const shownWidth = (1280 * 300) / 720;
    const left = tapToPicturePoint(0, 0, element, landscape, 'cover');
    expect(left?.x).toBeCloseTo((shownWidth - 360) / 2 / shownWidth, 10);
    expect(left?.y).toBe(0);
    const right = tapToPicturePoint(360, 300, element, landscape, 'cover');
    expect(right?.x).toBeCloseTo(1 - (shownWidth - 360) / 2 / shownWidth, 10);
    expect(right?.y).toBe(1);
  });

  it('undoes the top and bottom crop of a picture covering a wide element', () => {
    // 1000 px wide makes the picture 562.5 px high in a 300 px box: 131.25 px cut off above.
    const point = tapToPicturePoint(250, 0, { width: 1000, height: 300 }, landscape, 'cover');
    expect(point?.x).toBe(0.25);
    expect(point?.y).toBeCloseTo(131.25 / 562.5, 10);
  });

  it('gives null for a tap on the letterbox bars of a contained picture', () => {
    // 360 px wide makes the picture 202.5 px high, leaving 48.75 px bars above and below in 300.
    const element = { width: 360, height: 300 };
    expect(tapToPicturePoint(180, 20, element, landscape, 'contain')).toBeNull();
    expect(tapToPicturePoint(180, 290, element, landscape, 'contain')).toBeNull();
    expect(tapToPicturePoint(90, 48.75 + 202.5 / 4, element, landscape, 'contain')).toEqual({ x: 0.25, y: 0.25 });
  });

  it('stretches with fill', () => {
    expect(tapToPicturePoint(90, 225, { width: 360, height: 300 }, landscape, 'fill')).toEqual({ x: 0.25, y: 0.75 });
  });

  it('gives null before the video knows its size, or for a tap outside the element', () => {
    expect(tapToPicturePoint(10, 10, { width: 360, height: 300 }, { width: 0, height: 0 }, 'cover')).toBeNull();
    expect(tapToPicturePoint(-5, 10, { width: 360, height: 300 }, landscape, 'fill')).toBeNull();
  });
});
