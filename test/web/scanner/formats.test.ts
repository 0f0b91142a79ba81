import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { zxingFormats, zxingHints } from '../../../web/scanner/formats.ts';
import { rgbaToLuminance } from '../../../web/scanner/luminance.ts';
import { nativeFormats } from '../../../web/scanner/native-formats.ts';

/** The 28 digits of a reservation code, for the symbologies that can carry it whole. */
const code = '7301234567890123456789012345';

interface Sample {
  bcid: string;
  text: string;
  /** What ZXing reports having read; null for a symbology Kasa leaves out. */
  format: BarcodeFormat | null;
  /** Code 93 as printed carries its two check characters, which bwip-js adds only when asked. */
  includecheck?: boolean;
}

const readable: Sample[] = [
  { bcid: 'qrcode', text: code, format: BarcodeFormat.QR_CODE },
  { bcid: 'code128', text: code, format: BarcodeFormat.CODE_128 },
  { bcid: 'code39', text: code, format: BarcodeFormat.CODE_39 },
  { bcid: 'code93', text: code, format: BarcodeFormat.CODE_93, includecheck: true },
  { bcid: 'interleaved2of5', text: code, format: BarcodeFormat.ITF },
  { bcid: 'ean13', text: '590123412345', format: BarcodeFormat.EAN_13 },
  { bcid: 'ean8', text: '9638507', format: BarcodeFormat.EAN_8 },
  { bcid: 'upca', text: '03600029145', format: BarcodeFormat.UPC_A },
  { bcid: 'rationalizedCodabar', text: `A${code}A`, format: BarcodeFormat.CODABAR },
];

/**
 * UPC-E stays in the list for BarcodeDetector, which reads it, but @zxing/library 0.21 reads no
 * UPC-E at all (zxing-js/library#573, open), so no sample can prove the ZXing path for it.
 */
const unreadableByZxing: readonly BarcodeFormat[] = [BarcodeFormat.UPC_E];

/** Two-dimensional symbologies ZXing can read but nothing Paysera shows uses: each would cost decode time on every frame. */
const leftOut: Sample[] = [
  { bcid: 'datamatrix', text: code, format: null },
  { bcid: 'pdf417', text: code, format: null },
  { bcid: 'azteccode', text: code, format: null },
];

async function luminanceOf(sample: Sample): Promise<RGBLuminanceSource> {
  const png = await bwipjs.toBuffer({
    bcid: sample.bcid,
    text: sample.text,
    scale: 3,
    height: 12,
    includetext: false,
    includecheck: sample.includecheck ?? false,
    paddingwidth: 12,
    paddingheight: 12,
    backgroundcolor: 'FFFFFF',
  });
  const { width, height, data } = PNG.sync.read(png);
  return new RGBLuminanceSource(rgbaToLuminance(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width * height), width, height);
}

/** Decodes as Kasa's decoders do: one MultiFormatReader with the hints of formats.ts, or with none. */
function read(source: RGBLuminanceSource, hints: Map<DecodeHintType, unknown> | null): { text: string; format: BarcodeFormat } | null {
  const reader = new MultiFormatReader();
  if (hints) reader.setHints(hints);
  try {
    const result = reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(source)));
    return { text: result.getText(), format: result.getBarcodeFormat() };
  } catch {
    return null;
  }
}

describe('scanner formats', () => {
  for (const sample of readable) {
    it(`reads ${sample.bcid} with the formats Kasa asks ZXing for`, async () => {
      const result = read(await luminanceOf(sample), zxingHints());
      expect(result?.format).toBe(sample.format);
      expect(result?.text).toContain(sample.text.replace(/^A|A$/g, ''));
    });
  }

  for (const sample of leftOut) {
    it(`does not spend time on ${sample.bcid}, which ZXing reads when asked for everything`, async () => {
      const source = await luminanceOf(sample);
      expect(read(source, null)?.text).toBe(code);
      expect(read(source, zxingHints())).toBeNull();
    });
  }

  it('has a readable sample for every format it asks for, so none is listed without being proven', () => {
    expect(new Set([...readable.map((sample) => sample.format), ...unreadableByZxing])).toEqual(new Set(zxingFormats));
  });

  it('asks BarcodeDetector for the same symbologies, by its names', () => {
    expect(nativeFormats).toEqual(zxingFormats.map((format) => BarcodeFormat[format].toLowerCase()));
  });

  it('hands each caller its own list, so one cannot change another decoder', () => {
    const first = zxingHints().get(DecodeHintType.POSSIBLE_FORMATS);
    expect(first).not.toBe(zxingHints().get(DecodeHintType.POSSIBLE_FORMATS));
  });
});
