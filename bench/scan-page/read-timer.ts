import { BrowserMultiFormatReader } from '@zxing/browser';
import { startScanner } from '../../web/scanner/index.ts';
import { codeArrival } from './marker-watch.ts';
import type { ReadTiming, ScannerName } from './state.ts';

interface RunningScanner {
  stop(): void;
}

type Launch = (video: HTMLVideoElement, onText: (text: string) => void) => Promise<RunningScanner>;

const launchers: Record<ScannerName, Launch> = {
  kasa: (video, onText) =>
    startScanner({ video, onCode: onText, onProblem: () => {}, feedback: { sound: true, vibration: true } }),
  // Exactly the README's usage: default options (500 ms between attempts, every format), no camera constraints.
  naive: async (video, onText) => {
    const reader = new BrowserMultiFormatReader();
    return reader.decodeFromVideoDevice(undefined, video, (result) => {
      if (result) onText(result.getText());
    });
  },
};

function freshVideo(): HTMLVideoElement {
  document.querySelector('video')?.remove();
  const video = document.createElement('video');
  video.width = 640;
  video.height = 360;
  document.body.append(video);
  return video;
}

/**
 * Times "code in view → decoded" with the chosen scanner: from the first frame carrying the marker
 * to the scanner's callback; gives up `limitMs` after the code appeared.
 *
 * The fake camera restarts its video whenever the device is opened, which would put the code at
 * the same moment after every start and lock it to the phase of a reader that polls on a timer.
 * So the device is opened first by a stream of our own and the scanner starts `offsetMs` later,
 * sharing the running device: the code then arrives at a different point of each reader's cycle.
 */
export async function timeRead(scanner: ScannerName, limitMs: number, offsetMs: number): Promise<ReadTiming> {
  const video = freshVideo();
  const keeper = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } } });
  try {
    await sleep(offsetMs);
    const arrival = codeArrival(video);
    let read: { text: string; at: number } | undefined;
    let onRead = (): void => {};
    const readDone = new Promise<void>((resolve) => {
      onRead = resolve;
    });
    const startedAt = performance.now();
    const running = await launchers[scanner](video, (text) => {
      if (read) return;
      read = { text, at: performance.now() };
      onRead();
    });
    const arrivedAt = await Promise.race([arrival.arrived, sleep(limitMs + 3_000).then(() => undefined)]);
    if (arrivedAt !== undefined) await Promise.race([readDone, sleep(Math.max(0, arrivedAt + limitMs - performance.now()))]);
    const seen = { width: video.videoWidth, height: video.videoHeight, ...(arrivedAt !== undefined && { arrivalAfterStartMs: arrivedAt - startedAt }) };
    running.stop();
    arrival.cancel();
    if (arrivedAt === undefined) return { outcome: 'no_arrival', ...seen };
    if (!read) return { outcome: 'timeout', ...seen };
    if (read.at < arrivedAt) return { outcome: 'early', text: read.text, ...seen };
    return { outcome: 'read', text: read.text, latencyMs: read.at - arrivedAt, ...seen };
  } finally {
    for (const track of keeper.getTracks()) track.stop();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
