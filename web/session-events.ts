/**
 * The server said nobody is signed in (the session idled out or was signed out elsewhere). Every
 * request reports it here, so the app turns to the sign-in screen in one place whichever screen
 * made the request.
 */
type Listener = () => void;

const listeners = new Set<Listener>();

export function reportSessionEnded(): void {
  for (const listener of listeners) listener();
}

export function onSessionEnded(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
