import { BinaryBitmap, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import { describe, expect, it } from 'vitest';
import { degradationClasses } from './classes.ts';
import { corpusPicture } from './corpus.ts';

describe('the generated corpus', () => {
  it('makes the same picture from the same place, whatever was made before', () => {
    const first = corpusPicture('noisy', 'code128', 2);
    corpusPicture('glare', 'qrcode', 0);
    const again = corpusPicture('noisy', 'code128', 2);
    expect(again.code).toBe(first.code);
    expect(Buffer.from(again.luminance).equals(Buffer.from(first.luminance))).toBe(true);
  });

  it('shows a different 28-digit code in each picture', () => {
    const codes = [0, 1, 2].map((index) => corpusPicture('clean', 'qrcode', index).code);
    for (const code of codes) expect(code).toMatch(/^\d{28}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('draws a given code with the same degradation', () => {
    const given = '0155567464130298871198969060';
    const picture = corpusPicture('tilted', 'qrcode', 1, given);
    expect(picture.code).toBe(given);
    const clean = corpusPicture('clean', 'qrcode', 0, given);
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(clean.luminance, clean.width, clean.height)));
    expect(new QRCodeReader().decode(bitmap).getText()).toBe(given);
  });

  it('names each class once', () => {
    const names = degradationClasses.map((degradation) => degradation.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
