import { useLazyChunk } from './use-lazy-chunk.ts';

export type DeskScreens = typeof import('./screens/desk.ts');

const loadDesk = () => import('./screens/desk.ts');

/** Loads the cash desk's screens when one is first opened; retries while the chunk cannot be fetched. */
export function useDeskScreens(): DeskScreens | null {
  return useLazyChunk(loadDesk, true);
}
