import type { HealthResponse } from '../../shared/api.ts';
import type { Accounts } from '../auth/accounts.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { SessionManager } from '../auth/sessions.ts';
import type { CashoutService } from '../cashout/types.ts';
import type { Config } from '../config.ts';
import type { DeskService } from '../desk/service.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Store } from '../store/types.ts';
import type { HolderNameReader } from '../wallet/holder-name.ts';
import type { RequestDrain } from './drain.ts';

export interface AppDeps {
  config: Config;
  service: CashoutService;
  /** Shifts and their drawers; the same desk the service asks whether a payout is covered. */
  desk: DeskService;
  /** Read live for the verify screen; the name is never stored. */
  holderNames: HolderNameReader;
  /** Sign-in and approval check passwords; admins manage accounts over /api/users. */
  accounts: Accounts;
  sessions: Pick<SessionManager, 'create' | 'resolve' | 'destroy'>;
  store: Store;
  health: () => Promise<HealthResponse>;
  log: Logger;
  /** Directory of the built PWA; without it only the API is served. */
  staticRoot?: string;
  /** Failed sign-ins and approvals, per username and per client address; defaults in `defaultLoginLimits`. */
  loginThrottle?: LoginThrottle;
  /** The clock that decides "today" when a request names no day; defaults to `Date.now`. */
  now?: () => number;
  /** Counts every request; with `config.metricsToken` set, also served at `GET /metrics`. */
  metrics?: Metrics;
  /** Shutdown: refuses new requests and waits for those being handled. */
  drain?: RequestDrain;
}
