import { Workbox } from 'workbox-window';
import type { ScreenName } from './flow.ts';

/**
 * Service-worker updates. A new version waits until the cashier accepts it, and it is offered
 * only on the idle home screen: reloading mid cash-out would drop the cashier out of the flow.
 */
export interface UpdateGate {
  updateWaiting: boolean;
  screen: ScreenName;
  /** A cash-out id is remembered on the device (one is being worked on). */
  cashoutInProgress: boolean;
  /** The cashier has typed an amount or a request is running. */
  busy: boolean;
}

export function shouldOfferUpdate(gate: UpdateGate): boolean {
  return gate.updateWaiting && gate.screen === 'amount' && !gate.cashoutInProgress && !gate.busy;
}

const hourMs = 60 * 60 * 1000;

export interface ServiceWorkerUpdates {
  onUpdateWaiting(listener: () => void): void;
  /** Lets the waiting worker take over; the page reloads once it controls it. */
  applyUpdate(): void;
}

export function registerServiceWorker(url: string): ServiceWorkerUpdates | null {
  if (!('serviceWorker' in navigator)) return null;
  const workbox = new Workbox(url, { scope: '/' });
  const listeners: (() => void)[] = [];
  let waiting = false;
  let accepted = false;
  workbox.addEventListener('waiting', () => {
    waiting = true;
    for (const listener of listeners) listener();
  });
  workbox.addEventListener('controlling', () => {
    if (accepted) window.location.reload();
  });
  // Without a worker the app still runs online; only the offline shell is lost, so nothing to show.
  workbox.register().then(
    () => setInterval(() => void workbox.update().catch(() => undefined), hourMs),
    () => undefined,
  );
  return {
    onUpdateWaiting(listener) {
      listeners.push(listener);
      if (waiting) listener();
    },
    applyUpdate() {
      accepted = true;
      workbox.messageSkipWaiting();
    },
  };
}
