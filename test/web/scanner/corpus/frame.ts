/** A grey camera frame being built: one float luminance per pixel, 0 black to 255 white. */
export interface Frame {
  width: number;
  height: number;
  pixels: Float32Array;
}

export function blankFrame(width: number, height: number): Frame {
  return { width, height, pixels: new Float32Array(width * height) };
}

/** The frame as a decoder receives it: bytes, clamped and rounded as a sensor would. */
export function toLuminance(frame: Frame): Uint8ClampedArray {
  return Uint8ClampedArray.from(frame.pixels, (value) => Math.round(value));
}

/** Grey RGBA (R = G = B), for decoders that take canvas pixels. */
export function toRgba(luminance: Uint8ClampedArray): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(luminance.length * 4);
  for (let pixel = 0; pixel < luminance.length; pixel++) {
    const value = luminance[pixel] ?? 0;
    rgba.set([value, value, value, 255], pixel * 4);
  }
  return rgba;
}
