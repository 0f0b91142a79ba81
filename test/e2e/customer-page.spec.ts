import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { type KasaUnderTest, startKasa } from './support/serve.ts';

let kasa: KasaUnderTest;

test.beforeAll(async () => {
  kasa = await startKasa();
});

test.afterAll(async () => {
  await kasa?.close();
});

/** Decodes one symbology from a screenshot, as a camera pointed at the screen would have to. */
function decode(png: Buffer, format: BarcodeFormat): string {
  const { width, height, data } = PNG.sync.read(png);
  const luminance = new Uint8ClampedArray(width * height);
  for (let pixel = 0; pixel < width * height; pixel++) {
    luminance[pixel] = ((data[pixel * 4] ?? 0) * 299 + (data[pixel * 4 + 1] ?? 0) * 587 + (data[pixel * 4 + 2] ?? 0) * 114) / 1000;
  }
  const reader = new MultiFormatReader();
  reader.setHints(new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [format]]]));
  return reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)))).getText();
}

test('the demo customer page shows a code that reads as QR and as Code 128, fresh and unused', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(`${kasa.simulator.origin}/customer`);
  const code = (await page.locator('#code').textContent()) ?? '';
  expect(code).toMatch(/^\d{28}$/);

  expect(decode(await page.locator('.qr').screenshot(), BarcodeFormat.QR_CODE)).toBe(code);
  expect(decode(await page.locator('.bar').screenshot(), BarcodeFormat.CODE_128)).toBe(code);
  expect(kasa.simulator.state.code(code)).toMatchObject({ used: false });
});
