import { useEffect, useState } from 'preact/hooks';

export type DeskScreens = typeof import('./screens/desk.ts');

const retryAfterMs = 2000;

/** Loads the cash desk's screens when one is first opened; retries while the chunk cannot be fetched. */
export function useDeskScreens(): DeskScreens | null {
  const [screens, setScreens] = useState<DeskScreens | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (screens) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    import('./screens/desk.ts').then(
      (loaded) => {
        if (current) setScreens(loaded);
      },
      () => {
        if (current) timer = setTimeout(() => setAttempt((count) => count + 1), retryAfterMs);
      },
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [attempt]);
  return screens;
}
