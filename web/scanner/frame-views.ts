/** A camera frame as canvas pixels: RGBA, row by row. */
export interface RgbaFrame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Light and dark swapped, for a code shown light on dark (a dark-mode screen). */
export function invertFrame(frame: RgbaFrame): RgbaFrame {
  const data = new Uint8ClampedArray(frame.data.length);
  for (let offset = 0; offset < data.length; offset += 4) {
    data[offset] = 255 - (frame.data[offset] ?? 0);
    data[offset + 1] = 255 - (frame.data[offset + 1] ?? 0);
    data[offset + 2] = 255 - (frame.data[offset + 2] ?? 0);
    data[offset + 3] = 255;
  }
  return { data, width: frame.width, height: frame.height };
}
