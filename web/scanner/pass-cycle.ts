import { type ReaderOptions, readBarcodes } from 'zxing-wasm/reader';
import { symbologies } from './formats.ts';
import { invertFrame, type RgbaFrame } from './frame-views.ts';

/** One way of looking at a frame: which view of it zxing-cpp gets, and how hard it searches. */
export interface Pass {
  name: string;
  view(frame: RgbaFrame): RgbaFrame;
  options: ReaderOptions;
}

const formats = symbologies.map((symbology) => symbology.zxingCpp);
const linearFormats = symbologies.filter((symbology) => symbology.linear).map((symbology) => symbology.zxingCpp);
/** One symbol is all a cash-out needs; zxing-cpp stops looking once it has it. */
const asked: ReaderOptions = { formats, maxNumberOfSymbols: 1 };
const asIs = (frame: RgbaFrame): RgbaFrame => frame;

/**
 * zxing-cpp's own inversion (tryInvert) reads inverted QR but no inverted Code 128 in the corpus,
 * and costs about 40 % more on every frame; inverting the frame ourselves reads both. The thorough
 * pass (tryHarder: every scan line) is for Code 128 alone: with QR it read nothing more in the
 * corpus and made the pass several times dearer; downscaling helps only 2-D symbols, so it is off.
 */
const passes = {
  quick: { name: 'quick', view: asIs, options: { ...asked, tryHarder: false, tryInvert: false } },
  thorough: { name: 'thorough, linear', view: asIs, options: { ...asked, formats: linearFormats, tryHarder: true, tryInvert: false, tryDownscale: false } },
  inverted: { name: 'light on dark', view: invertFrame, options: { ...asked, tryHarder: false, tryInvert: false } },
} satisfies Record<string, Pass>;

/**
 * The order passes take turns in, one per frame, chosen by measurement on the corpus
 * (BENCHMARKS.md): the quick pass, on every other frame, reads most codes at once; the thorough
 * pass adds tilted and noisy Code 128; the inverted pass, light-on-dark symbols.
 * A code held up to the camera is in view for many frames, so it meets every pass within four;
 * no single frame pays for more than one. (Halving the frame, which helps @zxing/library with
 * noise, leaves Code 128 at 1–1.5 px a module, and zxing-cpp reads the noise at full size.)
 */
export const cycle: readonly Pass[] = [passes.quick, passes.thorough, passes.quick, passes.inverted];

/** The text of the first code the pass finds in the frame, or null. */
export async function readWithPass(pass: Pass, frame: RgbaFrame): Promise<string | null> {
  // zxing-wasm takes anything with ImageData's data, width and height; a real ImageData is not
  // needed (and Node, where the tests run, has none).
  const [first] = await readBarcodes(pass.view(frame) as ImageData, pass.options);
  return first?.text ?? null;
}

/** Reads each frame with the next pass of the cycle. */
export function createPassCycle(): (frame: RgbaFrame) => Promise<string | null> {
  let turn = 0;
  return (frame) => {
    const pass = cycle[turn % cycle.length] ?? passes.quick;
    turn++;
    return readWithPass(pass, frame);
  };
}

/** Loads and compiles the wasm and runs each pass once on a small blank frame, before the camera opens. */
export async function warmUpPasses(): Promise<void> {
  const side = 64;
  const blank: RgbaFrame = { data: new Uint8ClampedArray(side * side * 4).fill(255), width: side, height: side };
  for (const pass of cycle) await readWithPass(pass, blank);
}
