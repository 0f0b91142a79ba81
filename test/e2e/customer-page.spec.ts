import { expect, test } from './support/kasa-fixture.ts';
import { BarcodeFormat, readSymbol } from './support/read-symbol.ts';

/** Phones from the smallest in use to a tablet: each module must land on whole pixels at every width. */
const screenWidths = [320, 360, 390, 412, 768];

for (const width of screenWidths) {
  test(`the demo customer page at ${width} px shows a code that reads as QR and as Code 128, fresh and unused`, async ({ page, kasa }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${kasa.simulator.origin}/customer`);
    const code = (await page.locator('#code').textContent()) ?? '';
    expect(code).toMatch(/^\d{28}$/);

    expect(readSymbol(await page.locator('.qr').screenshot(), BarcodeFormat.QR_CODE)).toBe(code);
    expect(readSymbol(await page.locator('.bar').screenshot(), BarcodeFormat.CODE_128)).toBe(code);
    expect(kasa.simulator.state.code(code)).toMatchObject({ used: false });
  });
}
