/** A camera frame as canvas pixels: RGBA, row by row. */
export interface RgbaFrame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Light and dark swapped, for a code shown light on dark (a dark-mode screen). */
export function invertFrame(frame: RgbaFrame): RgbaFrame {
  const source = new Uint32Array(frame.data.buffer, frame.data.byteOffset, frame.data.length >> 2);
  const inverted = new Uint32Array(source.length);
  // A pixel at a time rather than a byte at a time (4× fewer steps on a 1280×720 frame): in a
  // little-endian word, which every browser uses, RGBA reads 0xAABBGGRR, so alpha is the top byte.
  for (let pixel = 0; pixel < source.length; pixel++) inverted[pixel] = ~(source[pixel] ?? 0) | 0xff000000;
  return { data: new Uint8ClampedArray(inverted.buffer), width: frame.width, height: frame.height };
}
