import type { FrameDecoder } from './frame-decoder.ts';
import { createNativeDecoder } from './native-decoder.ts';

type DecoderFactory = () => Promise<FrameDecoder | undefined>;

// ZXing is loaded only when needed: the platform detector makes its ~113 KB unnecessary.
const candidates: DecoderFactory[] = [
  createNativeDecoder,
  async () => (typeof Worker === 'function' ? (await import('./worker-decoder.ts')).createWorkerDecoder() : undefined),
  async () => (await import('./main-thread-decoder.ts')).createMainThreadDecoder(),
];

/**
 * Gets the decoder that will run ready before the camera opens: with no platform detector, the
 * ZXing worker is started and warmed up.
 */
export async function prepareFrameDecoder(): Promise<void> {
  const native = await createNativeDecoder().catch(() => undefined);
  if (native) return native.close();
  if (typeof Worker === 'function') (await import('./worker-decoder.ts')).warmUpWorkerDecoder();
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
