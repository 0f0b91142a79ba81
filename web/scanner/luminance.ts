/**
 * Converts canvas RGBA pixels to the one-byte luminance ZXing binarises, with the same integer
 * weights (.299R + .587G + .114B) as @zxing/browser so both decode paths see identical input.
 * Fully transparent pixels count as white, as in @zxing/browser.
 */
export function rgbaToLuminance(rgba: Uint8ClampedArray, pixelCount: number): Uint8ClampedArray {
  const luminance = new Uint8ClampedArray(pixelCount);
  for (let pixel = 0, offset = 0; pixel < pixelCount; pixel++, offset += 4) {
    luminance[pixel] =
      rgba[offset + 3] === 0
        ? 0xff
        : (306 * (rgba[offset] ?? 0) + 601 * (rgba[offset + 1] ?? 0) + 117 * (rgba[offset + 2] ?? 0) + 0x200) >> 10;
  }
  return luminance;
}
