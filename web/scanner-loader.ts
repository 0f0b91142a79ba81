import type { StartScanner } from './scanner/types.ts';

let loading: Promise<StartScanner> | null = null;

/** Loads the scanner chunk once; called early (first keypad press) so the camera opens at once. */
export function loadScanner(): Promise<StartScanner> {
  loading ??= import('./scanner/index.ts').then(
    ({ startScanner }) => startScanner,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
