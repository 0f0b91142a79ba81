import type { DecodeReply, DecodeRequest } from './decode-messages.ts';
import { createFrameCanvas } from './frame-canvas.ts';
import type { FrameDecoder } from './frame-decoder.ts';

/**
 * ZXing in a Worker: a frame without a code costs ~20 ms of decoding, which on the main thread
 * would take most of every 33 ms frame and make the buttons on the scan screen sluggish. Only the
 * canvas read-back stays on the main thread; the pixels are transferred, not copied.
 */
export function createWorkerDecoder(): FrameDecoder {
  const worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module' });
  const frameCanvas = createFrameCanvas();
  let pending: { resolve(text: string | null): void; reject(error: Error): void } | undefined;
  let broken: Error | undefined;

  worker.addEventListener('message', (event: MessageEvent<DecodeReply>) => {
    pending?.resolve(event.data.text);
    pending = undefined;
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    broken = new Error(`decode worker failed: ${event.message}`);
    pending?.reject(broken);
    pending = undefined;
  });

  return {
    decode(video) {
      if (broken) return Promise.reject(broken);
      const canvas = frameCanvas.draw(video);
      const context = canvas?.getContext('2d');
      if (!canvas || !context) return Promise.resolve(null);
      const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
      const request: DecodeRequest = { width, height, pixels: data.buffer };
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage(request, [request.pixels]);
      });
    },
    close() {
      worker.terminate();
      pending?.resolve(null);
      pending = undefined;
    },
  };
}
