import type { DecodeReply, DecodeRequest } from './decode-messages.ts';
import { createFrameCanvas } from './frame-canvas.ts';
import type { FrameDecoder } from './frame-decoder.ts';

/**
 * ZXing in a Worker: a frame without a code costs ~20 ms of decoding, which on the main thread
 * would take most of every 33 ms frame and make the buttons on the scan screen sluggish. Only the
 * canvas read-back stays on the main thread; the pixels are transferred, not copied.
 *
 * One worker serves every scan of the page's life: a new one per scan would start cold each time
 * and make every cash-out's first QR decode several times slower than the rest.
 */
let shared: Worker | undefined;
let nextId = 0;

function sharedWorker(): Worker {
  if (!shared) {
    shared = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module' });
    const warmUp: DecodeRequest = { kind: 'warm-up' };
    shared.postMessage(warmUp);
  }
  return shared;
}

/** Starts the worker and warms its decoder up while the cashier is still typing the amount. */
export function warmUpWorkerDecoder(): void {
  sharedWorker();
}

export function createWorkerDecoder(): FrameDecoder {
  const worker = sharedWorker();
  const frameCanvas = createFrameCanvas();
  let pending: { id: number; resolve(text: string | null): void; reject(error: Error): void } | undefined;
  let broken: Error | undefined;

  const onMessage = (event: MessageEvent<DecodeReply>): void => {
    if (event.data.id !== pending?.id) return;
    pending.resolve(event.data.text);
    pending = undefined;
  };
  const onError = (event: ErrorEvent): void => {
    event.preventDefault();
    broken = new Error(`decode worker failed: ${event.message}`);
    pending?.reject(broken);
    pending = undefined;
    if (shared === worker) {
      worker.terminate();
      shared = undefined;
    }
  };
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);

  return {
    decode(video) {
      if (broken) return Promise.reject(broken);
      const canvas = frameCanvas.draw(video);
      const context = canvas?.getContext('2d');
      if (!canvas || !context) return Promise.resolve(null);
      const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
      const request: DecodeRequest = { kind: 'decode', id: nextId++, width, height, pixels: data.buffer };
      return new Promise((resolve, reject) => {
        pending = { id: request.id, resolve, reject };
        worker.postMessage(request, [request.pixels]);
      });
    },
    close() {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      pending?.resolve(null);
      pending = undefined;
    },
  };
}
