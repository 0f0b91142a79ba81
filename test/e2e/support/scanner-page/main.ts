import { startScanner } from '../../../../web/scanner/index.ts';
import { type DetectorMode, installBarcodeDetector } from './barcode-detector.ts';
import type { ScannerTestState } from './state.ts';

const video = document.querySelector('video') as HTMLVideoElement;

const detectorUse = { constructed: 0, detectCalls: 0 };
const detectorMode = new URLSearchParams(location.search).get('detector');
if (detectorMode) installBarcodeDetector(detectorMode as DetectorMode, detectorUse);

const state: ScannerTestState = {
  codes: [],
  detectorUse,
  problems: [],
  async start(deviceId) {
    state.handle = await startScanner({
      video,
      deviceId,
      onCode: (text) => state.codes.push(text),
      onProblem: (problem) => state.problems.push(problem),
      feedback: { sound: true, vibration: true },
    });
  },
  stream: () => (video.srcObject instanceof MediaStream ? video.srcObject : null),
  frames: (count) =>
    new Promise((resolve) => {
      let seen = 0;
      const onFrame = (): void => {
        seen += 1;
        if (seen >= count) resolve();
        else video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
    }),
};

window.scannerTest = state;
