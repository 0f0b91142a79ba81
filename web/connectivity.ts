/**
 * Whether the server can be reached: the browser's own flag plus what the last request saw, since
 * `navigator.onLine` stays true on a Wi-Fi without internet.
 */
type Listener = (online: boolean) => void;

const listeners = new Set<Listener>();
let lastRequestFailed = false;

export function isOnline(): boolean {
  return navigator.onLine && !lastRequestFailed;
}

function notify(): void {
  const online = isOnline();
  for (const listener of listeners) listener(online);
}

export function reportUnreachable(): void {
  lastRequestFailed = true;
  notify();
}

export function reportReachable(): void {
  if (!lastRequestFailed) return;
  lastRequestFailed = false;
  notify();
}

export function onConnectivityChange(listener: Listener): () => void {
  listeners.add(listener);
  const browserChanged = () => {
    if (navigator.onLine) lastRequestFailed = false;
    listener(isOnline());
  };
  window.addEventListener('online', browserChanged);
  window.addEventListener('offline', browserChanged);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('online', browserChanged);
    window.removeEventListener('offline', browserChanged);
  };
}
