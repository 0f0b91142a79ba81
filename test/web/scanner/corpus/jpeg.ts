import type { Frame } from './frame.ts';

/** The JPEG standard's luminance quantisation table (Annex K), at quality 50. */
const baseTable = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109,
  103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];

/** The table libjpeg uses at a quality of 1–100. */
function quantisationTable(quality: number): number[] {
  const scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
  return baseTable.map((q) => Math.min(255, Math.max(1, Math.floor((q * scale + 50) / 100))));
}

const cosines = Array.from({ length: 64 }, (_, i) => {
  const x = i >> 3;
  const u = i & 7;
  return (u === 0 ? Math.SQRT1_2 : 1) * Math.cos(((2 * x + 1) * u * Math.PI) / 16) * 0.5;
});

/** 1-D DCT-II (inverse: DCT-III) of 8 values, in place through `out`. */
function transform8(input: Float64Array, out: Float64Array, inverse: boolean): void {
  for (let k = 0; k < 8; k++) {
    let sum = 0;
    for (let n = 0; n < 8; n++) sum += inverse ? (input[n] ?? 0) * (cosines[k * 8 + n] ?? 0) : (input[n] ?? 0) * (cosines[n * 8 + k] ?? 0);
    out[k] = sum;
  }
}

function transformBlock(block: Float64Array, inverse: boolean): void {
  const line = new Float64Array(8);
  const result = new Float64Array(8);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < 8; i++) {
      for (let j = 0; j < 8; j++) line[j] = pass === 0 ? (block[i * 8 + j] ?? 0) : (block[j * 8 + i] ?? 0);
      transform8(line, result, inverse);
      for (let j = 0; j < 8; j++) block[pass === 0 ? i * 8 + j : j * 8 + i] = result[j] ?? 0;
    }
  }
}

/**
 * What a JPEG encoder at `quality` does to the luminance: each 8×8 block to the DCT, every
 * coefficient rounded to a multiple of its step in the quantisation table, and back. Blocking and
 * ringing at bar edges are the artefacts a decoder then meets.
 */
export function jpegArtefacts(frame: Frame, quality: number): void {
  const table = quantisationTable(quality);
  const { width, height, pixels } = frame;
  const block = new Float64Array(64);
  for (let by = 0; by + 8 <= height; by += 8) {
    for (let bx = 0; bx + 8 <= width; bx += 8) {
      for (let i = 0; i < 64; i++) block[i] = Math.min(255, Math.max(0, pixels[(by + (i >> 3)) * width + bx + (i & 7)] ?? 0)) - 128;
      transformBlock(block, false);
      for (let i = 0; i < 64; i++) {
        const step = table[i] ?? 1;
        block[i] = Math.round((block[i] ?? 0) / step) * step;
      }
      transformBlock(block, true);
      for (let i = 0; i < 64; i++) pixels[(by + (i >> 3)) * width + bx + (i & 7)] = (block[i] ?? 0) + 128;
    }
  }
}
