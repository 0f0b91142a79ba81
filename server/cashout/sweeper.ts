import { startRepeatingTask } from '../repeating-task.ts';
import type { CashoutLog } from './context.ts';
import type { CashoutService } from './types.ts';

export type SweepCounts = Awaited<ReturnType<CashoutService['sweep']>>;

/**
 * Whether this instance is the one that sweeps now. With several instances on one database only
 * one sweeps at a time (server/cluster/); a single instance always has the turn.
 */
export interface SweeperTurn {
  isMine(): Promise<boolean>;
  /** Gives the turn up, so another instance takes it at its next try. */
  release(): Promise<void>;
}

export const alwaysMyTurn: SweeperTurn = { isMine: async () => true, release: async () => {} };

export interface SweeperOptions {
  intervalMs?: number;
  log?: CashoutLog;
  /** Told after every sweep: what it settled, or that it failed. */
  onSweep?: (result: SweepCounts | 'failed') => void;
  turn?: SweeperTurn;
}

/**
 * Sweeps once now and then every `intervalMs` when it is this instance's turn; a sweep never
 * overlaps the previous one. The returned stop function resolves when a sweep in progress has
 * finished.
 */
export function startSweeper(service: Pick<CashoutService, 'sweep'>, options: SweeperOptions = {}): () => Promise<void> {
  const turn = options.turn ?? alwaysMyTurn;
  const sweep = async () => {
    try {
      if (!(await turn.isMine())) return;
      const counts = await service.sweep();
      options.onSweep?.(counts);
      if (counts.resolved > 0 || counts.revoked > 0) options.log?.info(counts, 'cash-out sweep');
    } catch (error) {
      options.onSweep?.('failed');
      options.log?.error({ err: error }, 'cash-out sweep failed');
    }
  };
  return startRepeatingTask(sweep, options.intervalMs ?? 30_000);
}
