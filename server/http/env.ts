import type { HttpBindings } from '@hono/node-server';
import type { User } from '../../shared/api.ts';

/** Hono environment of the app. Bindings are absent when tests call `app.request()`. */
export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: {
    user: User | null;
    sessionToken: string | null;
  };
}
