import FinderPatternFinder from '@zxing/library/cjs/core/qrcode/detector/FinderPatternFinder.js';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, NotFoundException, RGBLuminanceSource } from '@zxing/library';
import bwipjs from 'bwip-js/node';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { bestFinderTriple, improveQrFinder, triangleDistortion } from '../../../web/scanner/qr-finder.ts';

/** Codes whose data holds a finder-like shape that stock @zxing/library 0.21 settles on. */
const codesStockZxingNeverReads = ['2941198148893542039133853353', '6805307650565478122013541050', '0302331277388721486154991271'];
/** Codes that stock ZXing misses at some sizes, and that an early stop on a loosely right triangle missed too. */
const codesAnEarlyStopMissed = ['5183135568746494540646475114', '2362121860353886355412322612', '6583045797922205723647292803', '7273734014662722604228858950'];

const at = (x: number, y: number, size = 4) => ({ getX: () => x, getY: () => y, getEstimatedModuleSize: () => size });

async function readQr(code: string, scale: number): Promise<string | null> {
  const png = await bwipjs.toBuffer({ bcid: 'qrcode', text: code, scale, paddingwidth: 8, paddingheight: 8, backgroundcolor: 'FFFFFF' });
  const { width, height, data } = PNG.sync.read(png);
  const luminance = new Uint8ClampedArray(width * height);
  for (let pixel = 0; pixel < width * height; pixel++) luminance[pixel] = data[pixel * 4] ?? 0;
  const reader = new MultiFormatReader();
  reader.setHints(new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]]]));
  try {
    return reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)))).getText();
  } catch {
    return null;
  }
}

describe('bestFinderTriple', () => {
  it('picks the three corners of the symbol over a finder-like shape in its data', () => {
    const topLeft = at(60, 60);
    const topRight = at(172, 60);
    const bottomLeft = at(60, 172);
    const impostor = at(60, 128);
    expect(triangleDistortion(topLeft, topRight, bottomLeft)).toBe(0);
    expect(bestFinderTriple([topLeft, topRight, impostor, bottomLeft])).toEqual(expect.arrayContaining([topLeft, topRight, bottomLeft]));
  });

  it('finds nothing in fewer than three candidates or in candidates of unlike module sizes', () => {
    expect(bestFinderTriple([at(0, 0), at(10, 0)])).toBeNull();
    expect(bestFinderTriple([at(0, 0, 2), at(10, 0, 3), at(0, 10, 4)])).toBeNull();
  });

  it('always returns three of the candidates it was given', () => {
    const candidate = fc.record({ x: fc.integer({ min: 0, max: 1280 }), y: fc.integer({ min: 0, max: 720 }), size: fc.double({ min: 2, max: 2.5, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(candidate, { minLength: 3, maxLength: 8 }), (points) => {
        const candidates = points.map(({ x, y, size }) => at(x, y, size));
        const triple = bestFinderTriple(candidates);
        expect(triple).not.toBeNull();
        expect(new Set(triple)).toHaveProperty('size', 3);
        for (const chosen of triple ?? []) expect(candidates).toContain(chosen);
      }),
    );
  });
});

describe('improveQrFinder on @zxing/library', () => {
  it('makes codes that stock ZXing never reads readable at every size', async () => {
    for (const code of codesStockZxingNeverReads) expect(await readQr(code, 4)).toBeNull();
    improveQrFinder(FinderPatternFinder, () => new NotFoundException());
    for (const code of [...codesStockZxingNeverReads, ...codesAnEarlyStopMissed]) {
      for (const scale of [2, 3, 4, 5, 6, 7]) expect(await readQr(code, scale), `${code} at scale ${scale}`).toBe(code);
    }
  });

  it('still reads every other code, and still says "not found" for a frame without one', async () => {
    improveQrFinder(FinderPatternFinder, () => new NotFoundException());
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^\d{28}$/), fc.integer({ min: 2, max: 7 }), async (code, scale) => {
        expect(await readQr(code, scale)).toBe(code);
      }),
      { numRuns: 300 },
    );
    const blank = new Uint8ClampedArray(640 * 480).fill(255);
    const reader = new MultiFormatReader();
    expect(() => reader.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(blank, 640, 480))))).toThrow(NotFoundException);
  });
});
