import { useState } from 'preact/hooks';
import { failureOf, type Failure } from './failure.ts';

/** One server call started from a button or form: busy while it runs, its refusal kept to show beside it. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function run(call: () => Promise<void>): Promise<void> {
    setBusy(true);
    setFailure(null);
    try {
      await call();
    } catch (error) {
      setFailure(failureOf(error));
    }
    setBusy(false);
  }

  return { busy, failure, run };
}
