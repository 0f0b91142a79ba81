import { BinaryBitmap, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import { closeStream, openCamera, showStream } from '../../web/scanner/camera.ts';
import { zxingHints } from '../../web/scanner/formats.ts';
import { rgbaToLuminance } from '../../web/scanner/luminance.ts';
import { createWorkerDecoder } from '../../web/scanner/worker-decoder.ts';
import { createMarkerReader } from './marker-watch.ts';
import type { DecodeCost } from './state.ts';

/** The decode step of web/scanner/decode-worker.ts, run here on the page so it can be timed alone. */
function decodeOnce(reader: MultiFormatReader, frame: ImageData): string | null {
  const luminance = rgbaToLuminance(frame.data, frame.width * frame.height);
  try {
    return reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, frame.width, frame.height)))).getText();
  } catch {
    return null;
  }
}

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

function timeDecodes(reader: MultiFormatReader, frame: ImageData, samples: number): { times: number[]; text: string | null } {
  const times: number[] = [];
  let text: string | null = null;
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    text = decodeOnce(reader, frame);
    times.push(performance.now() - start);
  }
  return { times, text };
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
    const decoder = createWorkerDecoder();
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
    const reader = new MultiFormatReader();
    reader.setHints(zxingHints());
    // A few untimed rounds first, so the figures are the steady state and not the JIT warming up.
    timeDecodes(reader, frames.withoutCode, 5);
    timeDecodes(reader, frames.withCode, 5);
    const withCode = timeDecodes(reader, frames.withCode, samples);
    const withoutCode = timeDecodes(reader, frames.withoutCode, samples);

    const decoder = createWorkerDecoder();
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
    return { decodeWithCode: withCode.times, decodeWithoutCode: withoutCode.times, decodedText: withCode.text, workerWithCode, workerWithoutCode, coldRead };
  } finally {
    closeStream(video, stream);
    video.remove();
  }
}
