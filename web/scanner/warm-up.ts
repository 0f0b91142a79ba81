import { BarcodeFormat, QRCodeWriter } from '@zxing/library';

/** A 28-digit example code, shaped like the one Paysera documents. */
const sample = '0155567464130298871198969060';
const size = 400;

/**
 * A clean QR frame for the decoder to chew on before the camera delivers one: the first QR decode
 * of a fresh JavaScript engine runs unoptimised and costs several times a warm one.
 */
export function warmUpFrame(): { luminance: Uint8ClampedArray; width: number; height: number } {
  const matrix = new QRCodeWriter().encode(sample, BarcodeFormat.QR_CODE, size, size, new Map());
  const luminance = new Uint8ClampedArray(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) luminance[y * size + x] = matrix.get(x, y) ? 0 : 0xff;
  }
  return { luminance, width: size, height: size };
}
