import type { FaultSpec, SimulatorState } from '../../../server/simulator/index.ts';
import type { Random } from './random.ts';

export type WalletEndpoint = 'create' | 'get' | 'reserve' | 'confirm' | 'revoke' | 'list';

export type InjectedKind = 'timeout' | 'http_500' | 'http_502' | 'drop_before' | 'drop_after';

export interface FaultInjector {
  /** With the configured probability, arms one fault for the next call to `endpoint` (or a read-back). */
  maybeFault(endpoint: WalletEndpoint): void;
  injected(): Record<InjectedKind, number>;
  /** How many armed faults actually hit a call, by kind (read from the simulator). */
  fired(): Record<InjectedKind, number>;
  /** Disarms whatever has not fired yet, so the final sweep runs on a healthy Paysera. */
  disarm(): void;
}

const kinds: readonly InjectedKind[] = ['timeout', 'http_500', 'http_502', 'drop_before', 'drop_after'];

/**
 * A timeout is latency just past the wallet timeout: the call is applied at Paysera shortly after
 * the server gave up on it, and well before its first read-back (500 ms after the timeout), the
 * way a slow but working Paysera behaves.
 */
function specOf(kind: InjectedKind, endpoint: WalletEndpoint, walletTimeoutMs: number, random: Random): FaultSpec {
  switch (kind) {
    case 'timeout':
      return { endpoint, kind: 'latency', ms: walletTimeoutMs + random.int(50, 150), count: 1 };
    case 'http_500':
      return { endpoint, kind: 'error', status: 500, count: 1 };
    case 'http_502':
      return { endpoint, kind: 'error', status: 502, count: 1 };
    case 'drop_before':
      return { endpoint, kind: 'drop_before', count: 1 };
    case 'drop_after':
      return { endpoint, kind: 'drop_after', count: 1 };
  }
}

function kindOf(fault: { kind: string; status: number }): InjectedKind | null {
  if (fault.kind === 'latency') return 'timeout';
  if (fault.kind === 'error') return fault.status === 502 ? 'http_502' : 'http_500';
  if (fault.kind === 'drop_before' || fault.kind === 'drop_after') return fault.kind;
  return null;
}

const zeroCounts = (): Record<InjectedKind, number> => ({ timeout: 0, http_500: 0, http_502: 0, drop_before: 0, drop_after: 0 });

export interface FaultInjectorOptions {
  rate: number;
  walletTimeoutMs: number;
  /** Only these endpoints are faulted; all by default. */
  endpoints?: readonly WalletEndpoint[];
}

export function createFaultInjector(state: SimulatorState, random: Random, options: FaultInjectorOptions): FaultInjector {
  const injected = zeroCounts();
  const firedBeforeDisarm = zeroCounts();
  return {
    maybeFault(endpoint) {
      if (options.endpoints !== undefined && !options.endpoints.includes(endpoint)) return;
      if (!random.chance(options.rate)) return;
      const kind = random.pick(kinds);
      // A quarter of the faults hit the read-back that follows an unanswered write instead.
      const target: WalletEndpoint = endpoint !== 'get' && random.chance(0.25) ? 'get' : endpoint;
      state.addFault(specOf(kind, target, options.walletTimeoutMs, random));
      injected[kind] += 1;
    },
    injected: () => ({ ...injected }),
    fired() {
      const counts = { ...firedBeforeDisarm };
      for (const fault of state.faults()) {
        const kind = kindOf(fault);
        if (kind) counts[kind] += fault.fired;
      }
      return counts;
    },
    disarm() {
      for (const fault of state.faults()) {
        const kind = kindOf(fault);
        if (kind) firedBeforeDisarm[kind] += fault.fired;
      }
      state.clearFaults();
    },
  };
}
