import { useEffect, useState } from 'preact/hooks';

export type DeferredScreens = typeof import('./screens/deferred.ts');

const retryAfterMs = 2000;

/** Loads the post-sign-in screens once wanted; retries while the chunk cannot be fetched. */
export function useDeferredScreens(wanted: boolean): DeferredScreens | null {
  const [screens, setScreens] = useState<DeferredScreens | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!wanted || screens) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    import('./screens/deferred.ts').then(
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
  }, [wanted, attempt]);
  return screens;
}
