import { BarcodeFormat, DecodeHintType } from '@zxing/library';
import { describe, expect, it } from 'vitest';
import { zxingFormats, zxingHints } from '../../../web/scanner/formats.ts';
import { nativeFormats } from '../../../web/scanner/native-formats.ts';

describe('scanner formats', () => {
  it('restricts ZXing to QR and the common 1-D symbologies', () => {
    expect(zxingHints().get(DecodeHintType.POSSIBLE_FORMATS)).toEqual([
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
    ]);
  });

  it('asks BarcodeDetector for the same symbologies, by its names', () => {
    expect(nativeFormats).toEqual(zxingFormats.map((format) => BarcodeFormat[format].toLowerCase()));
  });

  it('hands each caller its own list, so one cannot change another decoder', () => {
    const first = zxingHints().get(DecodeHintType.POSSIBLE_FORMATS);
    expect(first).not.toBe(zxingHints().get(DecodeHintType.POSSIBLE_FORMATS));
  });
});
