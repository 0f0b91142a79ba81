import { BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nativeFormats, symbologies } from '../../../web/scanner/formats.ts';
import type { RgbaFrame } from '../../../web/scanner/frame-views.ts';
import { zxingHints } from '../../../web/scanner/library-hints.ts';
import { rgbaToLuminance } from '../../../web/scanner/luminance.ts';
import { cycle, readWithPass } from '../../../web/scanner/pass-cycle.ts';
import { useLocalZxingWasm } from '../../support/zxing-wasm-node.ts';

/** The 28 digits of a reservation code, for the symbologies that can carry it whole. */
const code = '7301234567890123456789012345';

interface Sample {
  bcid: string;
  text: string;
}

/** What formats.ts lists, by bwip-js's names: each must be read by every ZXing path that asks for it. */
const listed: (Sample & { zxingCpp: (typeof symbologies)[number]['zxingCpp'] })[] = [
  { bcid: 'qrcode', text: code, zxingCpp: 'QRCode' },
  { bcid: 'code128', text: code, zxingCpp: 'Code128' },
];

/** Symbologies ZXing reads when asked for everything but a reservation code never comes in: each would cost decode time on every frame. */
const leftOut: Sample[] = [
  { bcid: 'code39', text: code },
  { bcid: 'interleaved2of5', text: code },
  { bcid: 'ean13', text: '590123412345' },
  { bcid: 'datamatrix', text: code },
  { bcid: 'pdf417', text: code },
  { bcid: 'azteccode', text: code },
];

async function frameOf(sample: Sample): Promise<RgbaFrame> {
  const png = await bwipjs.toBuffer({
    bcid: sample.bcid,
    text: sample.text,
    scale: 3,
    height: 12,
    includetext: false,
    paddingwidth: 12,
    paddingheight: 12,
    backgroundcolor: 'FFFFFF',
  });
  const { width, height, data } = PNG.sync.read(png);
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width, height };
}

/** Decodes as Kasa's @zxing/library decoders do: one MultiFormatReader with the hints of library-hints.ts, or with none. */
function readWithLibrary(frame: RgbaFrame, hints: Map<DecodeHintType, unknown> | null): string | null {
  const reader = new MultiFormatReader();
  if (hints) reader.setHints(hints);
  const luminance = rgbaToLuminance(frame.data, frame.width * frame.height);
  try {
    return reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, frame.width, frame.height)))).getText();
  } catch {
    return null;
  }
}

describe('scanner formats', () => {
  beforeAll(useLocalZxingWasm);

  for (const sample of listed) {
    it(`reads ${sample.bcid} with the formats Kasa asks @zxing/library for`, async () => {
      expect(readWithLibrary(await frameOf(sample), zxingHints())).toBe(sample.text);
    });

    it(`reads ${sample.bcid} in every pass of the zxing-cpp cycle that asks for it`, async () => {
      const frame = await frameOf(sample);
      const asking = [...new Set(cycle)].filter((pass) => pass.options.formats?.includes(sample.zxingCpp));
      expect(asking.length).toBeGreaterThan(0);
      for (const pass of asking) {
        // The inverted pass looks for light on dark, so it gets the sample inverted.
        const shown = pass.name === 'light on dark' ? { ...frame, data: frame.data.map((value, index) => (index % 4 === 3 ? value : 255 - value)) } : frame;
        expect(await readWithPass(pass, shown), pass.name).toBe(sample.text);
      }
    });
  }

  for (const sample of leftOut) {
    it(`does not spend time on ${sample.bcid}, which ZXing reads when asked for everything`, async () => {
      const frame = await frameOf(sample);
      expect(readWithLibrary(frame, null)).toContain(sample.text);
      expect(readWithLibrary(frame, zxingHints())).toBeNull();
      for (const pass of new Set(cycle)) expect(await readWithPass(pass, frame), pass.name).toBeNull();
    });
  }

  it('lists each symbology once, with a name for every decoder', () => {
    expect(symbologies.map((symbology) => symbology.native)).toEqual(['qr_code', 'code_128']);
    expect(listed.map((sample) => sample.zxingCpp)).toEqual(symbologies.map((symbology) => symbology.zxingCpp));
    expect(new Set(symbologies.map((symbology) => symbology.zxingCpp)).size).toBe(symbologies.length);
  });

  it('asks BarcodeDetector for the same symbologies, by its names', () => {
    expect(nativeFormats).toEqual(symbologies.map((symbology) => symbology.zxingJs.toLowerCase()));
  });

  it('hands each caller its own hints, so one cannot change another decoder', () => {
    const first = zxingHints().get(DecodeHintType.POSSIBLE_FORMATS);
    expect(first).not.toBe(zxingHints().get(DecodeHintType.POSSIBLE_FORMATS));
  });
});
