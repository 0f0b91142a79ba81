import type { FrameDecoder } from './frame-decoder.ts';
import { nativeFormats } from './formats.ts';

interface DetectedBarcode {
  rawValue: string;
}

interface BarcodeDetectorInstance {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}

interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorInstance;
  getSupportedFormats(): Promise<string[]>;
}

/**
 * The platform's own detector (Android Chrome, macOS), which is faster than any JavaScript decoder.
 * Used only when it reads every symbology of formats.ts; undefined otherwise, so ZXing takes over.
 */
export async function createNativeDecoder(): Promise<FrameDecoder | undefined> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return undefined;
  let supported: string[];
  try {
    supported = await Detector.getSupportedFormats();
  } catch {
    return undefined;
  }
  if (!nativeFormats.every((format) => supported.includes(format))) return undefined;
  const detector = new Detector({ formats: [...nativeFormats] });
  return {
    async decode(video) {
      if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return null;
      const [first] = await detector.detect(video);
      return first?.rawValue ?? null;
    },
    close() {},
  };
}
