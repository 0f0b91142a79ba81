import type { StartScanner } from './scanner/types.ts';

let loading: Promise<StartScanner> | null = null;

/**
 * Loads the scanner chunk once and warms its decoder up; called early (first keypad press) so the
 * camera opens at once and the first frame with a code is decoded at full speed.
 */
export function loadScanner(): Promise<StartScanner> {
  loading ??= import('./scanner/index.ts').then(
    ({ startScanner, prepareScanner }) => {
      void prepareScanner();
      return startScanner;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
