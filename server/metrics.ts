import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CashoutStatus } from '../shared/api.ts';
import type { SweepCounts } from './cashout/sweeper.ts';
import type { Store } from './store/types.ts';
import type { WalletEvent } from './wallet/transport.ts';

/**
 * What operators scrape from `GET /metrics`. One Registry per server, not prom-client's global
 * one, so two servers in one process (tests) never count into each other. Every label value comes
 * from a closed set (statuses, Wallet endpoints, route patterns, HTTP methods and statuses): an
 * id, a username or a code never becomes a label, so the number of series stays bounded.
 */

export interface Metrics {
  contentType: string;
  /** The Prometheus text exposition; the in-doubt count and pool usage are read at this moment. */
  render(): Promise<string>;
  cashoutFinished(status: CashoutStatus): void;
  walletCall(event: WalletEvent): void;
  sweepRan(result: SweepCounts | 'failed'): void;
  /** `route` is the pattern the request matched (e.g. `/api/cashouts/:id`), never the raw path. */
  httpRequest(method: string, route: string, status: number): void;
}

const httpMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Seconds; Wallet calls range from a few ms on loopback to the 10 s timeout. */
const walletBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createMetrics(store: Pick<Store, 'listUnsettledCashouts' | 'poolStats'>): Metrics {
  const registry = new Registry();
  const registers = [registry];

  const finished = new Counter({
    name: 'kasa_cashouts_finished_total',
    help: 'Cash-outs that reached a final status, by that status.',
    labelNames: ['status'] as const,
    registers,
  });
  const walletCalls = new Histogram({
    name: 'kasa_wallet_call_duration_seconds',
    help: 'Paysera Wallet API calls: one HTTP attempt each, by endpoint and outcome (ok, refused, unknown).',
    labelNames: ['endpoint', 'outcome'] as const,
    buckets: walletBuckets,
    registers,
  });
  new Gauge({
    name: 'kasa_cashouts_in_doubt',
    help: 'Cash-outs whose outcome at Paysera is being established; NaN when the database cannot be read.',
    registers,
    async collect() {
      try {
        const open = await store.listUnsettledCashouts();
        this.set(open.filter((cashout) => cashout.status === 'in_doubt').length);
      } catch {
        this.set(Number.NaN);
      }
    },
  });
  const sweeps = new Counter({
    name: 'kasa_sweeps_total',
    help: 'Sweeper runs, by outcome (ok, failed).',
    labelNames: ['outcome'] as const,
    registers,
  });
  const swept = new Counter({
    name: 'kasa_sweep_settled_total',
    help: 'Cash-outs the sweeper settled: resolved (an open outcome established) or revoked (a hold past its time).',
    labelNames: ['result'] as const,
    registers,
  });
  const requests = new Counter({
    name: 'kasa_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  if (store.poolStats !== undefined) {
    const poolStats = store.poolStats.bind(store);
    new Gauge({
      name: 'kasa_db_pool_connections',
      help: 'Database pool connections: total open, idle, and callers waiting for one.',
      labelNames: ['state'] as const,
      registers,
      collect() {
        const stats = poolStats();
        this.set({ state: 'total' }, stats.total);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    });
  }

  return {
    contentType: registry.contentType,
    render: () => registry.metrics(),
    cashoutFinished: (status) => finished.inc({ status }),
    walletCall: (event) => walletCalls.observe({ endpoint: event.op, outcome: event.outcome }, event.ms / 1000),
    sweepRan(result) {
      if (result === 'failed') {
        sweeps.inc({ outcome: 'failed' });
        return;
      }
      sweeps.inc({ outcome: 'ok' });
      swept.inc({ result: 'resolved' }, result.resolved);
      swept.inc({ result: 'revoked' }, result.revoked);
    },
    httpRequest(method, route, status) {
      requests.inc({ method: httpMethods.has(method) ? method : 'OTHER', route, status: String(status) });
    },
  };
}
