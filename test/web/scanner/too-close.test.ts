import { beforeAll, describe, expect, it } from 'vitest';
import { type LumaGrid, looksTooClose } from '../../../web/scanner/too-close.ts';
import { type GreyImage, renderBarcode } from '../../e2e/support/barcode-image.ts';

/** The thumbnail the scanner takes of a 1280×720 frame. */
const width = 160;
const height = 90;
const code = '7301234567890123456789012345';

interface Placement {
  /** Thumbnail pixels per pixel of the rendered symbol. */
  scale: number;
  quarterTurn?: boolean;
  inverted?: boolean;
}

/** The symbol centred on a light background, each thumbnail pixel the average of 4×4 samples, as a downscaled frame. */
function thumbnailOf(image: GreyImage, { scale, quarterTurn = false, inverted = false }: Placement): LumaGrid {
  const pixels = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const dx = (x + (sx + 0.5) / 4 - width / 2) / scale;
          const dy = (y + (sy + 0.5) / 4 - height / 2) / scale;
          const [u, v] = quarterTurn ? [dy, -dx] : [dx, dy];
          const ix = Math.floor(u + image.width / 2);
          const iy = Math.floor(v + image.height / 2);
          const inside = ix >= 0 && iy >= 0 && ix < image.width && iy < image.height;
          sum += inside ? (image.pixels[iy * image.width + ix] ?? 255) : 255;
        }
      }
      const value = 25 + (200 * sum) / 16 / 255;
      pixels[y * width + x] = inverted ? 250 - value : value;
    }
  }
  return { width, height, pixels };
}

let qr: GreyImage;
let bars: GreyImage;
/** renderBarcode's pixels per module. */
const qrModule = 12;
const barModule = 3;

beforeAll(async () => {
  qr = await renderBarcode(code, 'qrcode');
  bars = await renderBarcode(code, 'code128');
});

describe('looksTooClose', () => {
  it('sees a QR code whose corner squares span a third of the picture', () => {
    // 4 thumbnail pixels a module: 32 px in the 720-line frame.
    expect(looksTooClose(thumbnailOf(qr, { scale: 4 / qrModule }))).toBe(true);
  });

  it('sees it light on dark too', () => {
    expect(looksTooClose(thumbnailOf(qr, { scale: 4 / qrModule, inverted: true }))).toBe(true);
  });

  it('leaves a QR code at a readable distance alone', () => {
    // 12 px a module in the frame, as the scanner specs show it.
    expect(looksTooClose(thumbnailOf(qr, { scale: 12 / 8 / qrModule }))).toBe(false);
    expect(looksTooClose(thumbnailOf(qr, { scale: 2 / qrModule }))).toBe(false);
  });

  it('sees a barcode running off both sides of the picture, upright or turned', () => {
    expect(looksTooClose(thumbnailOf(bars, { scale: 3 / barModule }))).toBe(true);
    expect(looksTooClose(thumbnailOf(bars, { scale: 3 / barModule, quarterTurn: true }))).toBe(true);
  });

  it('leaves a barcode with its quiet zones in view alone, however large', () => {
    expect(looksTooClose(thumbnailOf(bars, { scale: 3 / 8 / barModule }))).toBe(false);
    expect(looksTooClose(thumbnailOf(bars, { scale: 0.7 / barModule }))).toBe(false);
    expect(looksTooClose(thumbnailOf(bars, { scale: 0.7 / barModule, quarterTurn: true }))).toBe(false);
  });

  it('ignores an empty, flat or noisy picture', () => {
    expect(looksTooClose({ width, height, pixels: new Uint8ClampedArray(width * height).fill(128) })).toBe(false);
    let seed = 7;
    const noise = new Uint8ClampedArray(width * height).map(() => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % 256;
    });
    expect(looksTooClose({ width, height, pixels: noise })).toBe(false);
  });

  it('ignores a faint pattern with less contrast than a code', () => {
    const faint = thumbnailOf(qr, { scale: 4 / qrModule });
    const pixels = faint.pixels.map((value) => 120 + Math.round(value / 8));
    expect(looksTooClose({ width, height, pixels })).toBe(false);
  });
});
