import type { HttpBindings } from '@hono/node-server';
import type { User } from '../../shared/api.ts';

/** Hono environment of the app. Bindings are absent when tests call `app.request()`. */
export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: {
    user: User | null;
    sessionToken: string | null;
    /** Set by the transport middleware: the client's address, proxies accounted for. */
    clientAddress: string;
    /** Set by the transport middleware: whether the browser reached Kasa over HTTPS, directly or through a proxy. */
    https: boolean;
  };
}
