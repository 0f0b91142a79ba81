import { blankFrame, type Frame } from './frame.ts';
import type { Random } from './random.ts';

/**
 * What surrounds the code: a counter lit unevenly, with a few objects of random grey (a hand, a
 * phone's edge, papers) that give a decoder's binariser edges to trip over.
 */
export function scene(random: Random, width: number, height: number): Frame {
  const frame = blankFrame(width, height);
  const top = random.between(70, 160);
  const bottom = random.between(70, 160);
  for (let y = 0; y < height; y++) {
    const base = top + ((bottom - top) * y) / height;
    frame.pixels.fill(base, y * width, (y + 1) * width);
  }
  const objects = 3 + Math.floor(random.next() * 4);
  for (let object = 0; object < objects; object++) {
    const x0 = Math.floor(random.between(0, width));
    const y0 = Math.floor(random.between(0, height));
    const x1 = Math.min(width, x0 + Math.floor(random.between(40, 400)));
    const y1 = Math.min(height, y0 + Math.floor(random.between(40, 300)));
    const grey = random.between(20, 230);
    for (let y = y0; y < y1; y++) frame.pixels.fill(grey, y * width + x0, y * width + x1);
  }
  return frame;
}
