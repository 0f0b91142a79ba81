import type { DecodeReply, DecodeRequest } from './decode-messages.ts';
import { createFrameCanvas } from './frame-canvas.ts';
import type { FrameDecoder } from './frame-decoder.ts';

/**
 * A decoder in a Worker: a frame without a code costs ~10–20 ms of decoding, which on the main
 * thread would take most of every 33 ms frame and make the buttons on the scan screen sluggish.
 * Only the canvas read-back stays on the main thread; the pixels are transferred, not copied.
 *
 * Two workers speak the same messages: zxing-cpp (wasm-decode-worker.ts) where WebAssembly runs,
 * and @zxing/library (library-decode-worker.ts) where it does not or its wasm will not load.
 * One worker of each kind serves every scan of the page's life: a new one per scan would start
 * cold each time and make every cash-out's first decode several times slower than the rest.
 */
export type WorkerKind = 'wasm' | 'library';

// Each URL literal has to stay inside `new Worker(new URL(…))` for Vite to bundle the worker.
const startWorker: Record<WorkerKind, () => Worker> = {
  wasm: () => new Worker(new URL('./wasm-decode-worker.ts', import.meta.url), { type: 'module' }),
  library: () => new Worker(new URL('./library-decode-worker.ts', import.meta.url), { type: 'module' }),
};
const shared: Partial<Record<WorkerKind, Worker>> = {};
let nextId = 0;

function sharedWorker(kind: WorkerKind): Worker {
  let worker = shared[kind];
  if (!worker) {
    worker = startWorker[kind]();
    shared[kind] = worker;
    const warmUp: DecodeRequest = { kind: 'warm-up' };
    worker.postMessage(warmUp);
  }
  return worker;
}

/** Starts the worker and warms its decoder up while the cashier is still typing the amount. */
export function warmUpWorkerDecoder(kind: WorkerKind): void {
  sharedWorker(kind);
}

export function createWorkerDecoder(kind: WorkerKind): FrameDecoder {
  const worker = sharedWorker(kind);
  const frameCanvas = createFrameCanvas();
  let pending: { id: number; resolve(text: string | null): void; reject(error: Error): void } | undefined;
  let broken: Error | undefined;

  const fail = (message: string): void => {
    broken = new Error(`decode worker failed: ${message}`);
    pending?.reject(broken);
    pending = undefined;
    if (shared[kind] === worker) {
      worker.terminate();
      shared[kind] = undefined;
    }
  };
  const onMessage = (event: MessageEvent<DecodeReply>): void => {
    if (event.data.failure !== undefined) {
      fail(event.data.failure);
      return;
    }
    if (event.data.id !== pending?.id) return;
    pending.resolve(event.data.text);
    pending = undefined;
  };
  const onError = (event: ErrorEvent): void => {
    event.preventDefault();
    fail(event.message);
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
