import type { PicturePoint } from './tap-point.ts';
import type { ViewAdvice } from './view-advice.ts';

/** The contract between the scan screen and the lazily loaded scanner module (web/scanner/index.ts). */

export type ScannerProblem = 'permission_denied' | 'no_camera' | 'insecure_context' | 'camera_in_use' | 'unsupported' | 'unknown';

export interface ScannerOptions {
  video: HTMLVideoElement;
  /** Called once per distinct read; the same text read again in a row is not reported twice. */
  onCode(text: string): void;
  onProblem(problem: ScannerProblem): void;
  deviceId?: string;
  /** Beep and vibrate on a read. */
  feedback?: { sound: boolean; vibration: boolean };
  /** Told when the advice about the picture changes (too dark, code too close). */
  onAdvice?(advice: ViewAdvice): void;
}

export interface ScannerHandle {
  /** Stops decoding and every camera track (the camera light goes off). Safe to call twice. */
  stop(): void;
  torchSupported(): boolean;
  setTorch(on: boolean): Promise<void>;
  cameras(): Promise<{ deviceId: string; label: string }[]>;
  switchCamera(deviceId: string): Promise<void>;
  /** Whether the camera can focus on a tapped point of the picture. */
  focusesAtPoint(): boolean;
  focusAt(point: PicturePoint): Promise<void>;
}

export type StartScanner = (options: ScannerOptions) => Promise<ScannerHandle>;

/** Loads and warms the decoder ahead of the first scan; never rejects. */
export type PrepareScanner = () => Promise<void>;
