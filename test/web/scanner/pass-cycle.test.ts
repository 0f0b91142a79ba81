import { BinaryBitmap, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPassCycle, cycle, readWithPass } from '../../../web/scanner/pass-cycle.ts';
import { useLocalZxingWasm } from '../../support/zxing-wasm-node.ts';
import { degradationClasses } from './corpus/classes.ts';
import { type CorpusPicture, corpusPicture, symbologies } from './corpus/corpus.ts';
import { toRgba } from './corpus/frame.ts';

/**
 * The fixed sample: one picture of each symbology in every class of the corpus, the first one the
 * cycle reads (index 0 unless noted). `small` and `screen` hold pictures no decoder measured reads
 * (BENCHMARKS.md), so their sample is a later index.
 */
const sampleIndex: Record<string, Partial<Record<string, number>>> = {
  defocused: { qrcode: 1 },
  screen: { code128: 1 },
  small: { qrcode: 2, code128: 1 },
};

const frameOf = (picture: CorpusPicture) => ({ data: toRgba(picture.luminance), width: picture.width, height: picture.height });

/** What Kasa read before this pipeline, and stock @zxing/library still reads: one pass, no rotation. */
function readWithStockLibrary(picture: CorpusPicture): string | null {
  try {
    return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(picture.luminance, picture.width, picture.height)))).getText();
  } catch {
    return null;
  }
}

/** Whether any pass of one turn of the cycle reads the picture, as a code held in view for four frames is. */
async function cycleReads(picture: CorpusPicture): Promise<string | null> {
  const read = createPassCycle();
  const frame = frameOf(picture);
  let found: string | null = null;
  for (let turn = 0; turn < cycle.length; turn++) found = (await read(frame)) ?? found;
  return found;
}

describe('the zxing-cpp pass cycle on the corpus', () => {
  beforeAll(useLocalZxingWasm);

  for (const degradation of degradationClasses) {
    for (const symbology of symbologies) {
      const index = sampleIndex[degradation.name]?.[symbology] ?? 0;
      it(`reads ${symbology} ${degradation.name} (${degradation.describe}), picture ${index}`, { timeout: 30_000 }, async () => {
        const picture = corpusPicture(degradation.name, symbology, index);
        expect(await cycleReads(picture)).toBe(picture.code);
      });
    }
  }

  it('reads Code 128 turned 90° and codes shown light on dark, which stock @zxing/library does not', { timeout: 30_000 }, async () => {
    const pictures = [corpusPicture('right-angle', 'code128', 0), corpusPicture('inverted', 'code128', 0), corpusPicture('inverted', 'qrcode', 0)];
    for (const picture of pictures) {
      expect(readWithStockLibrary(picture)).toBeNull();
      expect(await cycleReads(picture)).toBe(picture.code);
    }
  });

  it('takes one pass per frame, in the order of the cycle, so an inverted code is read on its turn', { timeout: 30_000 }, async () => {
    const picture = corpusPicture('inverted', 'code128', 0);
    const read = createPassCycle();
    const frame = frameOf(picture);
    const turns: (string | null)[] = [];
    for (let turn = 0; turn < 2 * cycle.length; turn++) turns.push(await read(frame));
    const expected = [...cycle, ...cycle].map((pass) => (pass.name === 'light on dark' ? picture.code : null));
    expect(turns).toEqual(expected);
  });

  it('finds nothing in a frame without a code', async () => {
    const picture = corpusPicture('clean', 'qrcode', 0);
    const blank = { data: new Uint8ClampedArray(picture.width * picture.height * 4).fill(200), width: picture.width, height: picture.height };
    for (const pass of cycle) expect(await readWithPass(pass, blank)).toBeNull();
  });
});
