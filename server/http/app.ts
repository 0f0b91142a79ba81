import { Hono } from 'hono';
import { createLoginThrottle } from '../auth/login-throttle.ts';
import { createCredentialCheck } from './credential-check.ts';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './env.ts';
import { handleErrors, handleNotFound } from './errors.ts';
import { limitBody } from './body-limit.ts';
import { countRequests } from './request-metrics.ts';
import { originCheck } from './csrf.ts';
import { resolveSession } from './session.ts';
import { noStore, securityHeaders } from './security-headers.ts';
import { servePwa } from './static.ts';
import { hostCheck } from './host-check.ts';
import { describeTransport } from './transport.ts';
import { auditRoutes } from './routes/audit.ts';
import { cashoutRoutes } from './routes/cashouts.ts';
import { configRoutes } from './routes/config.ts';
import { healthRoutes } from './routes/health.ts';
import { locationRoutes } from './routes/locations.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { reportRoutes } from './routes/reports.ts';
import { sessionRoutes } from './routes/session.ts';
import { userRoutes } from './routes/users.ts';
import { shiftRoutes } from './routes/shifts.ts';

/** The whole HTTP surface (design §3) as one Hono app; `app.request()` drives it in tests. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { config, service, sessions, store } = deps;
  const now = deps.now ?? Date.now;
  const app = new Hono<AppEnv>();
  const checkCredentials = createCredentialCheck(deps.accounts, deps.loginThrottle ?? createLoginThrottle());
  const presentation = { limits: config.limits, maxCodeAttempts: config.maxCodeAttempts };

  app.onError(handleErrors(deps.log));
  app.notFound(handleNotFound());
  if (deps.metrics) app.use('*', countRequests(deps.metrics));
  if (deps.drain) app.use('*', deps.drain.admit);
  app.use('*', securityHeaders(), describeTransport(config), hostCheck(config));
  app.use('/api/*', noStore(), limitBody(), originCheck(config.publicOrigin), resolveSession(sessions));

  app.route('/api/health', healthRoutes(deps.health));
  app.route('/api/session', sessionRoutes(sessions, checkCredentials));
  app.route('/api/config', configRoutes(config));
  app.route('/api/cashouts', cashoutRoutes({ service, settings: presentation, checkCredentials, holderNames: deps.holderNames, now }));
  app.route('/api/reports', reportRoutes(service, now));
  app.route('/api', auditRoutes(store, now));
  app.route('/api/users', userRoutes(deps.accounts));
  app.route('/api/locations', locationRoutes(store, now));
  app.route('/api/shifts', shiftRoutes({ desk: deps.desk, checkCredentials, now }));
  // Without a token the route does not exist: a 404 like any unknown path, not a 401 that says it is there.
  if (deps.metrics && config.metricsToken !== null) app.route('/metrics', metricsRoutes(deps.metrics, config.metricsToken));

  if (deps.staticRoot !== undefined) app.get('*', servePwa(deps.staticRoot));
  return app;
}
