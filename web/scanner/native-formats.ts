/**
 * The symbologies of formats.ts in the names the Shape Detection API (`BarcodeDetector`) uses.
 * Kept apart from formats.ts so that the native path does not pull in ZXing.
 */
export const nativeFormats: readonly string[] = [
  'qr_code',
  'code_128',
  'code_39',
  'code_93',
  'itf',
  'ean_13',
  'ean_8',
  'upc_a',
  'upc_e',
  'codabar',
];
