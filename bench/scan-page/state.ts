/** What the scan benchmark page exposes to bench/scan.ts. */

export type ScannerName = 'kasa' | 'naive';

export interface ReadTiming {
  /** `early`: decoded before the marker showed the code (the camera did not restart the video). */
  outcome: 'read' | 'timeout' | 'no_arrival' | 'early';
  text?: string;
  latencyMs?: number;
  /** The size of the frames this scanner got from the camera. */
  width: number;
  height: number;
  /** From starting the scanner to the code's arrival: varies with the offset when the device is shared. */
  arrivalAfterStartMs?: number;
}

export interface DecodeCost {
  /** Kasa's decode worker handed one captured 1280×720 frame, repeatedly: decode plus a message each way. */
  decodeWithCode: number[];
  decodeWithoutCode: number[];
  /** What those decodes found (any pass), as a check that the frame was the right one. */
  decodedText: string | null;
  /** Kasa's worker decoder on live frames: read-back, transfer, decode and reply, per frame. */
  workerWithCode: number[];
  workerWithoutCode: number[];
  /** First code frame → read, in a worker that has so far seen only blank frames. */
  coldRead: number[];
}

export interface ScanBench {
  timeRead(scanner: ScannerName, limitMs: number, offsetMs: number): Promise<ReadTiming>;
  decodeCost(samples: number, liveFrames: number, coldRounds: number): Promise<DecodeCost>;
}

declare global {
  interface Window {
    scanBench: ScanBench;
  }
}
