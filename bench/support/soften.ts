import { frameHeight, frameWidth } from '../../test/e2e/support/y4m.ts';

/**
 * A slight defocus: `passes` rounds of the [1 2 1]/4 kernel across and down, close to a Gaussian
 * of σ = √(passes/2) px. Gentler than the support's box blur, whose smallest radius (a 3 px box)
 * already wipes out the 3 px modules of the test Code 128 for any ZXing reader.
 */
export function soften(plane: Uint8Array, passes: number): Uint8Array {
  let current = plane;
  for (let pass = 0; pass < passes; pass++) {
    current = binomialPass(binomialPass(current, 1, frameWidth, frameWidth, frameHeight), frameWidth, 1, frameHeight, frameWidth);
  }
  return current;
}

/** One [1 2 1]/4 pass over `lines` lines of `length` samples `step` apart; edges repeat their last sample. */
function binomialPass(plane: Uint8Array, step: number, lineStep: number, length: number, lines: number): Uint8Array {
  const out = new Uint8Array(plane.length);
  for (let line = 0; line < lines; line++) {
    const start = line * lineStep;
    for (let i = 0; i < length; i++) {
      const at = start + i * step;
      const before = plane[i > 0 ? at - step : at] ?? 0;
      const after = plane[i < length - 1 ? at + step : at] ?? 0;
      out[at] = (before + 2 * (plane[at] ?? 0) + after + 2) >> 2;
    }
  }
  return out;
}
