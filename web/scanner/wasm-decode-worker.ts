import { prepareZXingModule } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { DecodeReply, DecodeRequest } from './decode-messages.ts';
import { createPassCycle, warmUpPasses } from './pass-cycle.ts';

// The wasm comes from this origin, as a file Vite emits and the service worker precaches: zxing-wasm
// would otherwise fetch it from a CDN, which a till offline (or behind a strict firewall) cannot reach.
prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) } });

const nextPass = createPassCycle();

function reply(message: DecodeReply): void {
  postMessage(message);
}

addEventListener('message', async (event: MessageEvent<DecodeRequest>) => {
  const request = event.data;
  if (request.kind === 'warm-up') {
    // A wasm that will not load shows up on the first decode, which then falls back to @zxing/library.
    await warmUpPasses().catch(() => undefined);
    return;
  }
  const { id, width, height, pixels } = request;
  try {
    reply({ id, text: await nextPass({ data: new Uint8ClampedArray(pixels), width, height }) });
  } catch (error) {
    reply({ id, text: null, failure: error instanceof Error ? error.message : String(error) });
  }
});
