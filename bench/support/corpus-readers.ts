import { BinaryBitmap, type DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import FinderPatternFinder from '@zxing/library/esm/core/qrcode/detector/FinderPatternFinder.js';
import { readBarcodes } from 'zxing-wasm/reader';
import { toRgba } from '../../test/web/scanner/corpus/frame.ts';
import { useLocalZxingWasm } from '../../test/support/zxing-wasm-node.ts';
import { zxingHints } from '../../web/scanner/library-hints.ts';
import { cycle, readWithPass } from '../../web/scanner/pass-cycle.ts';

/** A decoder under comparison, given one 1280×720 grey frame. */
export interface CorpusReader {
  name: string;
  read(luminance: Uint8ClampedArray, width: number, height: number): Promise<string | null>;
}

/**
 * Kasa patches @zxing/library's QR finder on its prototype (qr-finder.ts), for every reader in the
 * process. To measure the library as shipped beside Kasa's fallback, the stock methods are kept
 * before the patch loads and swapped in around each stock decode.
 */
const finder = FinderPatternFinder.prototype as unknown as Record<string, unknown>;
const patchedMethods = ['haveMultiplyConfirmedCenters', 'selectBestPatterns'];
const stockFinder = Object.fromEntries(patchedMethods.map((name) => [name, finder[name]]));
await import('../../web/scanner/zxing-patches.ts');
const kasaFinder = Object.fromEntries(patchedMethods.map((name) => [name, finder[name]]));
if (kasaFinder.selectBestPatterns === stockFinder.selectBestPatterns) throw new Error('the QR finder was patched before the stock methods could be kept');

function readWithLibrary(luminance: Uint8ClampedArray, width: number, height: number, hints: Map<DecodeHintType, unknown> | null, methods: Record<string, unknown>): string | null {
  Object.assign(finder, methods);
  const reader = new MultiFormatReader();
  if (hints) reader.setHints(hints);
  try {
    return reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)))).getText();
  } catch {
    return null;
  }
}

export function corpusReaders(): CorpusReader[] {
  useLocalZxingWasm();
  return [
    {
      // A picture counts as read when one turn of the cycle (four frames of a code held still) reads it.
      name: 'Kasa',
      async read(luminance, width, height) {
        const frame = { data: toRgba(luminance), width, height };
        for (const pass of cycle) {
          const text = await readWithPass(pass, frame);
          if (text !== null) return text;
        }
        return null;
      },
    },
    { name: 'stock @zxing/library', read: async (luminance, width, height) => readWithLibrary(luminance, width, height, null, stockFinder) },
    {
      name: 'zxing-wasm defaults',
      async read(luminance, width, height) {
        const [first] = await readBarcodes({ data: toRgba(luminance), width, height } as ImageData);
        return first?.text ?? null;
      },
    },
    {
      name: 'Kasa without WebAssembly',
      read: async (luminance, width, height) => readWithLibrary(luminance, width, height, zxingHints(), kasaFinder),
    },
  ];
}
