import { useEffect, useState } from 'preact/hooks';

const retryAfterMs = 2000;

/** Loads a lazily built chunk once wanted; retries while it cannot be fetched (offline before the first install). */
export function useLazyChunk<T>(load: () => Promise<T>, wanted: boolean): T | null {
  const [chunk, setChunk] = useState<T | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!wanted || chunk) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    load().then(
      (loaded) => {
        if (current) setChunk(loaded);
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
  return chunk;
}
