import { useEffect, useState } from 'preact/hooks';
import { failureOf, type Failure } from './failure.ts';

/** Loads once and again whenever `inputs` change; an answer that arrives after a newer load started is dropped. */
export function useLoad<T>(load: () => Promise<T>, inputs: unknown[]): { loaded: T | null; failure: Failure | null } {
  const [loaded, setLoaded] = useState<T | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  useEffect(() => {
    let current = true;
    setLoaded(null);
    setFailure(null);
    load().then(
      (value) => {
        if (current) setLoaded(value);
      },
      (error: unknown) => {
        if (current) setFailure(failureOf(error));
      },
    );
    return () => {
      current = false;
    };
  }, inputs);
  return { loaded, failure };
}
