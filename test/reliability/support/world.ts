import type { SimulatorState } from '../../../server/simulator/index.ts';
import type { ApiSession } from './api-session.ts';
import type { AuditEventJson, SettledWorld } from './invariants.ts';
import { listAllCashouts } from './settle.ts';

/** Both sides of the books after a run: the server's, read over its API, and Paysera's, from the simulator. */

export interface AuditTrail {
  events: AuditEventJson[];
  verify: { ok: boolean; count: number; firstBadSeq: number | null };
}

export async function readAuditTrail(supervisor: ApiSession, since: number): Promise<AuditTrail> {
  const from = new Date(since - 60_000).toISOString();
  const to = new Date(Date.now() + 60_000).toISOString();
  const events: AuditEventJson[] = [];
  // The listing comes a page at a time; `next` leads to the following one.
  for (let after: number | null = 0; after !== null; ) {
    const query: string = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=1000&after=${after}`;
    const listed = await supervisor.request('GET', `/api/audit?${query}`);
    if (listed.status !== 200) throw new Error(`audit listing: HTTP ${listed.status} ${listed.text}`);
    const page = listed.json as { events: AuditEventJson[]; next: number | null };
    events.push(...page.events);
    after = page.next;
  }
  const verified = await supervisor.request('GET', '/api/audit/verify');
  if (verified.status !== 200) throw new Error(`audit verify: HTTP ${verified.status} ${verified.text}`);
  return { events, verify: verified.json as AuditTrail['verify'] };
}

export async function readWorld(
  supervisor: ApiSession,
  state: SimulatorState,
  since: number,
  facts: Pick<SettledWorld, 'startBalances' | 'confirmedKeysSeen'>,
): Promise<SettledWorld> {
  const wallets = [...facts.startBalances.keys()].map((id) => {
    const wallet = state.wallet(id);
    if (!wallet) throw new Error(`the simulator lost wallet ${id}`);
    return wallet;
  });
  return { ...facts, cashouts: await listAllCashouts(supervisor, since), transactions: state.transactions(), wallets };
}
