import { BinaryBitmap, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import { describe, expect, it } from 'vitest';
import { zxingHints } from '../../../web/scanner/library-hints.ts';
import { warmUpFrame } from '../../../web/scanner/warm-up.ts';

describe('warmUpFrame', () => {
  it('is a real QR code that the worker decoder reads, so warming up runs the whole QR path', () => {
    const { luminance, width, height } = warmUpFrame();
    expect(luminance).toHaveLength(width * height);
    const reader = new MultiFormatReader();
    reader.setHints(zxingHints());
    const text = reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)))).getText();
    expect(text).toBe('0155567464130298871198969060');
  });
});
