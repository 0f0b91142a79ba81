import { localDate } from '../../../shared/local-date.ts';
import type { CashoutRecord } from '../../../server/store/types.ts';
import type { ApiSession } from './api-session.ts';
import type { Cashout } from '../../../shared/api.ts';
import { isTerminalStatus } from './flows.ts';
import { openStackStore } from './stack-store.ts';

/**
 * The end of a shift: a supervisor cancels what the cashiers left open, and the server's sweeper
 * settles every write still in doubt. Settled means the store lists no unsettled cash-out.
 */

/** Local dates from `since` to now, so a run across midnight still sees all its cash-outs. */
export function datesSince(since: number): string[] {
  const dates = new Set<string>();
  for (let at = since; at < Date.now(); at += 3_600_000) dates.add(localDate(at));
  dates.add(localDate(Date.now()));
  return [...dates];
}

export async function listAllCashouts(supervisor: ApiSession, since: number): Promise<Cashout[]> {
  const all: Cashout[] = [];
  for (const date of datesSince(since)) {
    const response = await supervisor.request('GET', `/api/cashouts?date=${date}`);
    if (response.status !== 200) throw new Error(`history of ${date}: HTTP ${response.status} ${response.text}`);
    all.push(...(response.json as { cashouts: Cashout[] }).cashouts);
  }
  return all;
}

export interface SettleResult {
  cancelledOpenCashouts: number;
  /** What the store still lists as unsettled when the wait gave up; empty on success. */
  unsettled: CashoutRecord[];
}

export async function settleAll(options: { supervisor: ApiSession; dataDir: string; databaseUrl?: string | null; since: number; timeoutMs: number }): Promise<SettleResult> {
  const store = await openStackStore(options);
  const deadline = Date.now() + options.timeoutMs;
  let cancelledOpenCashouts = 0;
  try {
    for (;;) {
      for (const cashout of await listAllCashouts(options.supervisor, options.since)) {
        if (isTerminalStatus(cashout.status)) continue;
        if (cashout.status === 'in_doubt') {
          await options.supervisor.request('GET', `/api/cashouts/${cashout.id}`);
        } else {
          const response = await options.supervisor.request('POST', `/api/cashouts/${cashout.id}/cancel`);
          if (response.status === 200) cancelledOpenCashouts += 1;
        }
      }
      const unsettled = await store.listUnsettledCashouts();
      if (unsettled.length === 0 || Date.now() > deadline) return { cancelledOpenCashouts, unsettled };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await store.close();
  }
}
