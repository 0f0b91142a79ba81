import { useEffect, useState } from 'preact/hooks';
import { shouldOfferUpdate, type ServiceWorkerUpdates, type UpdateGate } from './update.ts';

/** Whether to offer a waiting service-worker update now (update.ts), and a way for the home screen to say it is busy. */
export function useUpdateOffer(updates: ServiceWorkerUpdates | null, gate: Pick<UpdateGate, 'screen' | 'cashoutInProgress'>) {
  const [updateWaiting, setUpdateWaiting] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => updates?.onUpdateWaiting(() => setUpdateWaiting(true)), []);
  return { offer: updates !== null && shouldOfferUpdate({ ...gate, updateWaiting, busy }), setBusy };
}
