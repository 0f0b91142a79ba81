import { createRequire } from 'node:module';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, NotFoundException, RGBLuminanceSource } from '@zxing/library';
import { PNG } from 'pngjs';
import { improveQrFinder } from '../../../web/scanner/qr-finder.ts';

// Node loads @zxing/library as CommonJS here; the finder class is not exported from its index.
const { default: finderPatternFinder } = createRequire(import.meta.url)('@zxing/library/cjs/core/qrcode/detector/FinderPatternFinder.js');
improveQrFinder(finderPatternFinder, () => new NotFoundException());

/** Reads one symbology from a screenshot with the QR finder Kasa's scanner uses, as a camera pointed at the screen would. */
export function readSymbol(png: Buffer, format: BarcodeFormat): string {
  const { width, height, data } = PNG.sync.read(png);
  const luminance = new Uint8ClampedArray(width * height);
  for (let pixel = 0; pixel < width * height; pixel++) {
    luminance[pixel] = ((data[pixel * 4] ?? 0) * 299 + (data[pixel * 4 + 1] ?? 0) * 587 + (data[pixel * 4 + 2] ?? 0) * 114) / 1000;
  }
  const reader = new MultiFormatReader();
  reader.setHints(new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [format]]]));
  return reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)))).getText();
}

export { BarcodeFormat };
