import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { drawIconPng, iconGeometry, iconSvg } from '../../../web/icons/draw-icon.ts';

function pixel(png: PNG, x: number, y: number): [number, number, number, number] {
  const offset = (y * png.width + x) * 4;
  return [png.data[offset] ?? -1, png.data[offset + 1] ?? -1, png.data[offset + 2] ?? -1, png.data[offset + 3] ?? -1];
}

const brand = [0x0b, 0x5d, 0x41, 255];
const white = [255, 255, 255, 255];

describe('the icon', () => {
  it('is drawn at the asked size with transparent rounded corners', () => {
    const png = PNG.sync.read(drawIconPng(192, false));
    expect([png.width, png.height]).toEqual([192, 192]);
    expect(pixel(png, 0, 0)[3]).toBe(0);
    expect(pixel(png, 96, 4)).toEqual(brand);
    expect(pixel(png, 96, 96)).toEqual(brand);
    expect(pixel(png, 40, 96)).toEqual(white);
  });

  it('fills the square when maskable and keeps the note inside the 40 % safe circle', () => {
    const size = 512;
    const png = PNG.sync.read(drawIconPng(size, true));
    expect(pixel(png, 0, 0)).toEqual(brand);
    for (let y = 0; y < size; y += 4) {
      for (let x = 0; x < size; x += 4) {
        if (pixel(png, x, y)[0] !== 255) continue;
        expect(Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2) / size).toBeLessThan(0.4);
      }
    }
    expect(iconGeometry(true).noteWidth).toBeLessThan(iconGeometry(false).noteWidth);
  });

  it('has an SVG twin with the same shapes', () => {
    expect(iconSvg()).toMatch(/^<svg [^>]+viewBox="0 0 100 100">.*<circle cx="50" cy="50" r="11" fill="#0b5d41"\/><\/svg>$/);
  });
});
