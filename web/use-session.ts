import { useEffect, useState } from 'preact/hooks';
import type { ConfigResponse, User } from '../shared/api.ts';
import { api } from './api.ts';
import type { Screen, SessionScreen } from './flow.ts';
import { onSessionEnded } from './session-events.ts';

/** Who is signed in, and what shows until someone is: the start, no connection, or sign-in. */
export type Session = { phase: SessionScreen['name'] } | { phase: 'signed-in'; user: User; config: ConfigResponse };

interface SessionOptions {
  online: boolean;
  /** The screen a cashier starts on once signed in: a remembered cash-out's, else home. */
  resume: () => Promise<Screen>;
  show: (screen: Screen) => void;
}

/**
 * The start of the app and the one place that sends the cashier to sign-in: on a signed-out
 * start, on sign-out, and whenever any request finds the session gone (session-events.ts).
 */
export function useSession({ online, resume, show }: SessionOptions) {
  const [session, setSession] = useState<Session>({ phase: 'boot' });
  const [demo, setDemo] = useState(false);

  function signedOut() {
    setSession({ phase: 'signin' });
  }

  // Each start sets the banner and the first screen in one render, so the page does not shift.
  async function enter(user: User) {
    const config = await api.config();
    const first = await resume();
    setDemo(config.demo);
    setSession({ phase: 'signed-in', user, config });
    show(first);
  }

  async function startSignedOut() {
    const health = await api.health().catch(() => null);
    setDemo(health?.mode === 'demo');
    signedOut();
  }

  /** A lost session has already turned to sign-in; any other failure of the start means no usable server. */
  function startFailed() {
    setSession((current) => (current.phase === 'signin' ? current : { phase: 'offline' }));
  }

  function boot() {
    setSession({ phase: 'boot' });
    api
      .session()
      .then(({ user }) => (user ? enter(user) : startSignedOut()))
      .catch(startFailed);
  }

  function signedIn(user: User) {
    setSession({ phase: 'boot' });
    enter(user).catch(startFailed);
  }

  useEffect(boot, []);
  useEffect(() => onSessionEnded(signedOut), []);
  useEffect(() => {
    if (online && session.phase === 'offline') boot();
  }, [online]);

  return { session, demo, boot, signedIn, signedOut };
}
