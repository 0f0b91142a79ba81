import type { Logger } from '../log.ts';
import { startRepeatingTask } from '../repeating-task.ts';
import type { SessionManager } from './sessions.ts';

export interface SessionPurgerOptions {
  intervalMs?: number;
  log?: Logger;
}

/**
 * Deletes idle sessions on a timer: a session is otherwise removed only when its cookie comes
 * back, so one abandoned on a lost phone would stay in the table for good.
 */
export function startSessionPurger(sessions: Pick<SessionManager, 'purgeIdle'>, options: SessionPurgerOptions = {}): () => Promise<void> {
  const purge = () =>
    sessions.purgeIdle().then(
      (count) => {
        if (count > 0) options.log?.info({ sessions: count }, 'idle sessions purged');
      },
      (error: unknown) => options.log?.error({ err: error }, 'idle session purge failed'),
    );
  return startRepeatingTask(purge, options.intervalMs ?? 15 * 60 * 1000);
}
