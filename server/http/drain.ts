import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { errorResponse } from './errors.ts';

export interface RequestDrain {
  /** Admits requests until the drain starts, and keeps count of those being handled. */
  admit: MiddlewareHandler<AppEnv>;
  /**
   * Refuses every request from now on and resolves once those being handled have been answered.
   * A step waiting on Paysera finishes and records its outcome before the store is closed, even
   * when its client's connection was cut at the shutdown deadline.
   */
  drain(): Promise<void>;
}

export function createRequestDrain(): RequestDrain {
  let draining = false;
  let handling = 0;
  let allAnswered: (() => void) | null = null;

  return {
    async admit(c, next) {
      if (draining) {
        // The listener is closed by now; this is a request on a connection kept alive from before.
        c.header('Connection', 'close');
        return errorResponse(c, 'SHUTTING_DOWN');
      }
      handling += 1;
      try {
        await next();
      } finally {
        handling -= 1;
        if (handling === 0) allAnswered?.();
      }
    },
    drain() {
      draining = true;
      if (handling === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        allAnswered = resolve;
      });
    },
  };
}
