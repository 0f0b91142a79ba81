/**
 * The symbologies a reservation code arrives in, and the only list of them: each decoder asks for
 * these by its own name. QR is what Paysera's app shows; Code 128 is the linear symbology that
 * carries 28 digits compactly (a slip, a phone held sideways). Every extra format costs decode time
 * on each frame (toolchain.md: restricting the list halves the cost, and zxing-cpp with every format
 * is several times slower still), so nothing else is asked for.
 */
export const symbologies = [
  { native: 'qr_code', zxingCpp: 'QRCode', zxingJs: 'QR_CODE', linear: false },
  { native: 'code_128', zxingCpp: 'Code128', zxingJs: 'CODE_128', linear: true },
] as const;

/** The names BarcodeDetector uses. Kept free of decoder imports so the native path pulls in no ZXing. */
export const nativeFormats: readonly string[] = symbologies.map((symbology) => symbology.native);
