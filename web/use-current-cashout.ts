import { useState } from 'preact/hooks';
import { api } from './api.ts';
import { cashoutGone, isOneOf } from './error-sets.ts';
import { screenToResume, type Screen } from './flow.ts';
import type { Storage } from './storage.ts';

/** The cash-out being worked on, remembered on the device so a reload picks it up again. */
export function useCurrentCashout(storage: Storage) {
  const [remembered, setRemembered] = useState(false);

  function remember(id: string) {
    setRemembered(true);
    storage.rememberCurrentCashout(id).catch(() => undefined);
  }

  function forget() {
    setRemembered(false);
    storage.forgetCurrentCashout().catch(() => undefined);
  }

  /** The remembered cash-out's screen; home when there is none or it ended without payout. */
  async function resume(): Promise<Screen> {
    const id = await storage.currentCashoutId().catch(() => null);
    setRemembered(id !== null);
    if (id === null) return { name: 'amount' };
    try {
      const resumed = screenToResume(await api.cashout(id));
      if (resumed) return resumed;
    } catch (error) {
      if (!isOneOf(cashoutGone, error)) throw error;
    }
    forget();
    return { name: 'amount' };
  }

  return { remembered, remember, forget, resume };
}
