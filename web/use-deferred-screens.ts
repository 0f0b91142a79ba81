import { useLazyChunk } from './use-lazy-chunk.ts';

export type DeferredScreens = typeof import('./screens/deferred.ts');

const loadDeferred = () => import('./screens/deferred.ts');

/** Loads the post-sign-in screens once wanted; retries while the chunk cannot be fetched. */
export function useDeferredScreens(wanted: boolean): DeferredScreens | null {
  return useLazyChunk(loadDeferred, wanted);
}
