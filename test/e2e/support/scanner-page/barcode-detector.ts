import { BinaryBitmap, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import { zxingHints } from '../../../../web/scanner/library-hints.ts';
import { rgbaToLuminance } from '../../../../web/scanner/luminance.ts';

/**
 * Headless Chromium on Linux has no BarcodeDetector, so the native path would go untested. This
 * stands in for the platform's detector with the Shape Detection API's interface, decoding for
 * real (ZXing on the page thread). `?detector=` picks how it behaves:
 * `full` reads QR and Code 128; `qr-only` claims QR alone; `broken` throws on every frame.
 */
export type DetectorMode = 'full' | 'qr-only' | 'broken';

export interface DetectorUse {
  constructed: number;
  detectCalls: number;
}

export function installBarcodeDetector(mode: DetectorMode, use: DetectorUse): void {
  const reader = new MultiFormatReader();
  reader.setHints(zxingHints());
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });

  class StandInBarcodeDetector {
    static async getSupportedFormats(): Promise<string[]> {
      return mode === 'qr-only' ? ['qr_code'] : ['qr_code', 'code_128', 'ean_13'];
    }

    constructor(readonly options: { formats: string[] }) {
      use.constructed += 1;
    }

    async detect(video: HTMLVideoElement): Promise<{ rawValue: string; format: string }[]> {
      use.detectCalls += 1;
      if (mode === 'broken') throw new DOMException('detector failed', 'NotSupportedError');
      if (!context) return [];
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0);
      const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
      try {
        const result = reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(rgbaToLuminance(data, width * height), width, height))));
        return [{ rawValue: result.getText(), format: String(result.getBarcodeFormat()) }];
      } catch {
        return [];
      }
    }
  }

  Object.defineProperty(window, 'BarcodeDetector', { value: StandInBarcodeDetector, configurable: true });
}
