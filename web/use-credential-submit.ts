import { useState } from 'preact/hooks';
import { takeCredentials } from './credentials.ts';
import { failureOf, type Failure } from './failure.ts';

/**
 * The submit of a username-and-password form (sign-in, a supervisor's approval): the password is
 * read from the form and the field cleared at once, so it never enters state; a refusal is shown
 * in the form.
 */
export function useCredentialSubmit(send: (username: string, password: string) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const { username, password } = takeCredentials(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setFailure(null);
    try {
      await send(username, password);
    } catch (error) {
      setFailure(failureOf(error));
    }
    setBusy(false);
  }

  return { busy, failure, submit };
}
