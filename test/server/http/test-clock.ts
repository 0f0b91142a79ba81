/**
 * The clock the HTTP harness gives the store, the workflow, the sessions and the routes: it ticks
 * like the real one but starts at noon of a fixed local day, so "today" is the same day for the
 * whole run whatever the real time, and a run across midnight cannot split one day's cash-outs.
 */
export const testDay = '2026-11-26';

export function noonClock(): () => number {
  const noon = new Date(2026, 10, 26, 12, 0, 0, 0).getTime();
  const started = performance.now();
  return () => noon + Math.floor(performance.now() - started);
}
