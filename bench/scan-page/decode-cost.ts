import { closeStream, openCamera, showStream } from '../../web/scanner/camera.ts';
import type { DecodeReply, DecodeRequest } from '../../web/scanner/decode-messages.ts';
import { cycle } from '../../web/scanner/pass-cycle.ts';
import { createWorkerDecoder } from '../../web/scanner/worker-decoder.ts';
import { createMarkerReader } from './marker-watch.ts';
import type { DecodeCost } from './state.ts';

function nextFrame(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve) => video.requestVideoFrameCallback(() => resolve()));
}

/** One captured frame with the code in view and one without, at the camera's full size. */
async function captureFrames(video: HTMLVideoElement): Promise<{ withCode: ImageData; withoutCode: ImageData }> {
  const showsCode = createMarkerReader(video);
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d canvas');
  let withCode: ImageData | undefined;
  let withoutCode: ImageData | undefined;
  while (!withCode || !withoutCode) {
    await nextFrame(video);
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const marked = showsCode();
    context.drawImage(video, 0, 0);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    if (marked) withCode ??= frame;
    else withoutCode ??= frame;
  }
  return { withCode, withoutCode };
}

/**
 * Kasa's decode worker (zxing-cpp, taking its passes in turn) fed one captured frame again and
 * again: the time from handing it a frame to its answer, which is the decode itself plus a message
 * each way. The frame is copied before the clock starts, as the app's read-back is not the decoder's cost.
 */
async function timeWorkerDecodes(frame: ImageData, samples: number): Promise<{ times: number[]; texts: (string | null)[] }> {
  const worker = new Worker(new URL('../../web/scanner/wasm-decode-worker.ts', import.meta.url), { type: 'module' });
  let id = 0;
  const decode = (): Promise<DecodeReply> => {
    const request: DecodeRequest = { kind: 'decode', id: id++, width: frame.width, height: frame.height, pixels: frame.data.slice().buffer };
    return new Promise((resolve) => {
      worker.addEventListener('message', (event: MessageEvent<DecodeReply>) => resolve(event.data), { once: true });
      worker.postMessage(request, [request.pixels]);
    });
  };
  try {
    // Untimed rounds first, so the figures are the steady state and not the wasm compiling: whole
    // turns of the cycle, so the n-th timed decode is the cycle's pass n (bench/scan.ts splits them so).
    for (let i = 0; i < 2 * cycle.length; i++) await decode();
    const times: number[] = [];
    const texts: (string | null)[] = [];
    for (let i = 0; i < samples; i++) {
      const start = performance.now();
      const reply = await decode();
      times.push(performance.now() - start);
      if (reply.failure !== undefined) throw new Error(reply.failure);
      texts.push(reply.text);
    }
    return { times, texts };
  } finally {
    worker.terminate();
  }
}

/**
 * A fresh worker (as each scanner start makes) fed blank frames until the code shows: the time from
 * the first frame with the code to its read. The blank frames never run ZXing's symbol decoding, so
 * this catches the cost of that code still being cold in the new worker's JIT.
 */
async function coldReads(video: HTMLVideoElement, rounds: number): Promise<number[]> {
  const showsCode = createMarkerReader(video);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    do await nextFrame(video);
    while (showsCode());
    const decoder = createWorkerDecoder('wasm');
    try {
      let codeSince: number | undefined;
      for (;;) {
        await nextFrame(video);
        const start = performance.now();
        if (showsCode()) codeSince ??= start;
        const text = await decoder.decode(video);
        if (text !== null && codeSince !== undefined) {
          times.push(performance.now() - codeSince);
          break;
        }
      }
    } finally {
      decoder.close();
    }
  }
  return times;
}

export async function decodeCost(samples: number, liveFrames: number, coldRounds: number): Promise<DecodeCost> {
  const video = document.createElement('video');
  document.body.append(video);
  const stream = await openCamera();
  try {
    await showStream(video, stream);
    const frames = await captureFrames(video);
    const withCode = await timeWorkerDecodes(frames.withCode, samples);
    const withoutCode = await timeWorkerDecodes(frames.withoutCode, samples);
    const decodedText = withCode.texts.find((text) => text !== null) ?? null;

    const decoder = createWorkerDecoder('wasm');
    const workerWithCode: number[] = [];
    const workerWithoutCode: number[] = [];
    try {
      for (let i = 0; i < liveFrames; i++) {
        await nextFrame(video);
        const start = performance.now();
        const text = await decoder.decode(video);
        (text === null ? workerWithoutCode : workerWithCode).push(performance.now() - start);
      }
    } finally {
      decoder.close();
    }
    const coldRead = await coldReads(video, coldRounds);
    return { decodeWithCode: withCode.times, decodeWithoutCode: withoutCode.times, decodedText, workerWithCode, workerWithoutCode, coldRead };
  } finally {
    closeStream(video, stream);
    video.remove();
  }
}
