import type { FrameDecoder } from './frame-decoder.ts';
import { createNativeDecoder } from './native-decoder.ts';

type DecoderFactory = () => Promise<FrameDecoder | undefined>;

const hasWorker = (): boolean => typeof Worker === 'function';
const hasWasm = (): boolean => typeof WebAssembly === 'object';

// ZXing is loaded only when needed: the platform detector makes it unnecessary. zxing-cpp reads
// more hard pictures than @zxing/library (BENCHMARKS.md), which stays for browsers without WebAssembly.
const candidates: DecoderFactory[] = [
  createNativeDecoder,
  async () => (hasWorker() && hasWasm() ? (await import('./worker-decoder.ts')).createWorkerDecoder('wasm') : undefined),
  async () => (hasWorker() ? (await import('./worker-decoder.ts')).createWorkerDecoder('library') : undefined),
  async () => (await import('./main-thread-decoder.ts')).createMainThreadDecoder(),
];

/**
 * Gets the decoder that will run ready before the camera opens: with no platform detector, the
 * decode worker is started and warmed up (for zxing-cpp: its wasm fetched and compiled).
 */
export async function prepareFrameDecoder(): Promise<void> {
  const native = await createNativeDecoder().catch(() => undefined);
  if (native) return native.close();
  if (!hasWorker()) return;
  (await import('./worker-decoder.ts')).warmUpWorkerDecoder(hasWasm() ? 'wasm' : 'library');
}

/**
 * The best decoder this browser can run, falling back to the next candidate when one turns out
 * not to work (a worker blocked by policy, a detector that throws). Rejects only when none works.
 */
export function createFrameDecoder(): FrameDecoder {
  let current: FrameDecoder | undefined;
  let next = 0;
  let closed = false;

  async function nextDecoder(): Promise<FrameDecoder> {
    while (next < candidates.length) {
      const factory = candidates[next++];
      const decoder = await factory?.().catch(() => undefined);
      if (decoder) return decoder;
    }
    throw new Error('no barcode decoder works in this browser');
  }

  return {
    async decode(video) {
      for (;;) {
        current ??= await nextDecoder();
        if (closed) {
          current.close();
          return null;
        }
        try {
          return await current.decode(video);
        } catch {
          current.close();
          current = undefined;
        }
      }
    },
    close() {
      closed = true;
      current?.close();
    },
  };
}
