import { BrowserMultiFormatReader } from '@zxing/browser';
import { createFrameCanvas } from './frame-canvas.ts';
import type { FrameDecoder } from './frame-decoder.ts';
import { zxingHints } from './library-hints.ts';
import './zxing-patches.ts';

/** The baseline: @zxing/browser on the page's own thread, for browsers where the decode worker cannot start. */
export function createMainThreadDecoder(): FrameDecoder {
  const reader = new BrowserMultiFormatReader(zxingHints());
  const frameCanvas = createFrameCanvas();
  return {
    async decode(video) {
      const canvas = frameCanvas.draw(video);
      if (!canvas) return null;
      try {
        return reader.decodeFromCanvas(canvas).getText();
      } catch {
        // ZXing signals "no code in this frame" by throwing; the next frame gets another try.
        return null;
      }
    },
    close() {},
  };
}
