import { closeStream, listCameras, openCamera, showStream } from './camera.ts';
import { askContinuousFocus, focusTrackAt, trackFocusesAtPoint } from './focus.ts';
import { createFrameDecoder, prepareFrameDecoder } from './decoder.ts';
import { createRepeatFilter } from './dedupe.ts';
import { createReadFeedback } from './feedback.ts';
import { eachVideoFrame } from './frame-loop.ts';
import { classifyCameraError, environmentProblem } from './problems.ts';
import { setTrackTorch, trackHasTorch } from './torch.ts';
import { createViewWatch } from './view-watch.ts';
import type { PrepareScanner, ScannerHandle, ScannerOptions, ScannerProblem, StartScanner } from './types.ts';

/** Returned after a problem was reported, so the screen can treat every start the same way. */
const idleHandle: ScannerHandle = {
  stop() {},
  torchSupported: () => false,
  async setTorch() {},
  cameras: async () => [],
  async switchCamera() {},
  focusesAtPoint: () => false,
  async focusAt() {},
};

export const prepareScanner: PrepareScanner = () => prepareFrameDecoder().catch(() => undefined);

export const startScanner: StartScanner = async (options) => {
  const problem = environmentProblem({
    isSecureContext: window.isSecureContext,
    hasMediaDevices: typeof navigator.mediaDevices?.getUserMedia === 'function',
  });
  if (problem) return reportProblem(options, problem);

  let stream: MediaStream;
  try {
    stream = await openCamera(options.deviceId);
  } catch (error) {
    return reportProblem(options, classifyCameraError(error));
  }
  return runScanner(options, stream);
};

function reportProblem(options: ScannerOptions, problem: ScannerProblem): ScannerHandle {
  options.onProblem(problem);
  return idleHandle;
}

async function runScanner(options: ScannerOptions, firstStream: MediaStream): Promise<ScannerHandle> {
  const { video } = options;
  let stream = firstStream;
  let stopped = false;
  const isNewText = createRepeatFilter();
  const feedback = createReadFeedback(options.feedback);
  const decoder = createFrameDecoder();
  let endFrames = (): void => {};
  const watchView = options.onAdvice ? createViewWatch(options.onAdvice) : undefined;
  const videoTrack = (): MediaStreamTrack | undefined => stream.getVideoTracks()[0];
  const supported = navigator.mediaDevices.getSupportedConstraints();
  // Not awaited, so the first decode does not wait for the camera; a camera refusing a mode it listed still scans.
  const focusContinuously = (): Promise<void> => askContinuousFocus(videoTrack()).catch(() => undefined);

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    endFrames();
    closeStream(video, stream);
    decoder.close();
    feedback.close();
    document.removeEventListener('visibilitychange', stopWhenHidden);
    window.removeEventListener('pagehide', stop);
  };
  // A phone's camera light must not stay on behind another app; the screen restarts the scanner when it is shown again.
  const stopWhenHidden = (): void => {
    if (document.visibilityState === 'hidden') stop();
  };
  const fail = (problem: ScannerProblem): void => {
    if (stopped) return;
    stop();
    options.onProblem(problem);
  };

  const switchCamera = async (deviceId: string): Promise<void> => {
    if (stopped) return;
    // Phones often refuse to open a second camera while the first is still running.
    closeStream(video, stream);
    try {
      stream = await openCamera(deviceId);
    } catch (error) {
      fail(classifyCameraError(error));
      return;
    }
    if (stopped) {
      closeStream(video, stream);
      return;
    }
    try {
      await showStream(video, stream);
    } catch (error) {
      fail(classifyCameraError(error));
    }
    void focusContinuously();
  };
  const handle: ScannerHandle = {
    stop,
    torchSupported: () => !stopped && trackHasTorch(videoTrack()),
    setTorch: (on) => (stopped ? Promise.resolve() : setTrackTorch(videoTrack(), on)),
    cameras: listCameras,
    switchCamera,
    focusesAtPoint: () => !stopped && trackFocusesAtPoint(videoTrack(), supported),
    focusAt: (point) => (stopped ? Promise.resolve() : focusTrackAt(videoTrack(), supported, point)),
  };

  document.addEventListener('visibilitychange', stopWhenHidden);
  window.addEventListener('pagehide', stop);
  stopWhenHidden();
  try {
    if (!stopped) await showStream(video, stream);
  } catch (error) {
    fail(classifyCameraError(error));
  }
  if (stopped) return handle;
  void focusContinuously();

  endFrames = eachVideoFrame(video, async () => {
    watchView?.(video, performance.now());
    let text: string | null;
    try {
      text = await decoder.decode(video);
    } catch {
      fail('unsupported');
      return;
    }
    if (text === null || stopped || !isNewText(text)) return;
    feedback.signal();
    options.onCode(text);
  });
  return handle;
}
