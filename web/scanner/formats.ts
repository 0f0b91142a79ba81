import { BarcodeFormat, DecodeHintType } from '@zxing/library';

/**
 * The symbologies a reservation code may arrive in; native-formats.ts names the same ones for
 * BarcodeDetector. Every extra format costs decode time on each frame (toolchain.md: restricting
 * the list halves the cost), so the list is closed; Data Matrix is left out as nothing Paysera
 * shows uses it.
 */
export const zxingFormats: readonly BarcodeFormat[] = [
  BarcodeFormat.QR_CODE,
  BarcodeFormat.CODE_128,
  BarcodeFormat.CODE_39,
  BarcodeFormat.CODE_93,
  BarcodeFormat.ITF,
  BarcodeFormat.EAN_13,
  BarcodeFormat.EAN_8,
  BarcodeFormat.UPC_A,
  BarcodeFormat.UPC_E,
  BarcodeFormat.CODABAR,
];

export function zxingHints(): Map<DecodeHintType, unknown> {
  return new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [...zxingFormats]]]);
}
