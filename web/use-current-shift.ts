import { useEffect, useState } from 'preact/hooks';
import type { Shift } from '../shared/desk-api.ts';
import { deskApi } from './desk-api.ts';

/**
 * The cashier's current shift for the home screen: undefined until known (or when it could not be
 * read: the server still refuses what the drawer cannot cover), null when none is open.
 */
export function useCurrentShift(): { shift: Shift | null | undefined; reload: () => void } {
  const [shift, setShift] = useState<Shift | null | undefined>(undefined);
  const [reads, setReads] = useState(0);
  useEffect(() => {
    let current = true;
    deskApi.currentShift().then(
      (answer) => {
        if (current) setShift(answer.shift);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [reads]);
  return { shift, reload: () => setReads((count) => count + 1) };
}
