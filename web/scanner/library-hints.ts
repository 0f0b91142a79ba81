import { BarcodeFormat, DecodeHintType } from '@zxing/library';
import { symbologies } from './formats.ts';

/** The hints that make @zxing/library look for the symbologies of formats.ts and nothing else. */
export function zxingHints(): Map<DecodeHintType, unknown> {
  const formats = symbologies.map((symbology) => BarcodeFormat[symbology.zxingJs]);
  return new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, formats]]);
}
