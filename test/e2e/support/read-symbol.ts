import { createRequire } from 'node:module';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, NotFoundException, RGBLuminanceSource } from '@zxing/library';
import { PNG } from 'pngjs';
import { rgbaToLuminance } from '../../../web/scanner/luminance.ts';
import { improveQrFinder } from '../../../web/scanner/qr-finder.ts';

// Node loads @zxing/library as CommonJS here; the finder class is not exported from its index.
const { default: finderPatternFinder } = createRequire(import.meta.url)('@zxing/library/cjs/core/qrcode/detector/FinderPatternFinder.js');
improveQrFinder(finderPatternFinder, () => new NotFoundException());

/** Reads one symbology from a screenshot as Kasa's decode worker reads a camera frame (same luminance, same QR finder). */
export function readSymbol(png: Buffer, format: BarcodeFormat): string {
  const { width, height, data } = PNG.sync.read(png);
  const luminance = rgbaToLuminance(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width * height);
  const reader = new MultiFormatReader();
  reader.setHints(new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [format]]]));
  return reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)))).getText();
}

export { BarcodeFormat };
