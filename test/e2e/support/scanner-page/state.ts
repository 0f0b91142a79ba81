import type { ScannerHandle, ScannerProblem } from '../../../../web/scanner/types.ts';

/** What the scanner test page exposes to the spec driving it. */
export interface ScannerTestState {
  codes: string[];
  problems: ScannerProblem[];
  /** How the stand-in BarcodeDetector (`?detector=`) was used. */
  detectorUse: { constructed: number; detectCalls: number };
  handle?: ScannerHandle;
  start(deviceId?: string): Promise<void>;
  /** The stream the scanner opened, kept so a spec can check its tracks ended. */
  stream(): MediaStream | null;
  /** Resolves after the video has presented `count` more frames. */
  frames(count: number): Promise<void>;
}

declare global {
  interface Window {
    scannerTest: ScannerTestState;
  }
}
