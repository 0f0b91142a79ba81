import { startRepeatingTask } from '../repeating-task.ts';
import type { CashoutLog } from './context.ts';
import type { CashoutService } from './types.ts';

export type SweepCounts = Awaited<ReturnType<CashoutService['sweep']>>;

export interface SweeperOptions {
  intervalMs?: number;
  log?: CashoutLog;
  /** Told after every sweep: what it settled, or that it failed. */
  onSweep?: (result: SweepCounts | 'failed') => void;
}

/**
 * Sweeps once now and then every `intervalMs`; a sweep never overlaps the previous one. The
 * returned stop function resolves when a sweep in progress has finished.
 */
export function startSweeper(service: Pick<CashoutService, 'sweep'>, options: SweeperOptions = {}): () => Promise<void> {
  const sweep = () =>
    service.sweep().then(
      (counts) => {
        options.onSweep?.(counts);
        if (counts.resolved > 0 || counts.revoked > 0) options.log?.info(counts, 'cash-out sweep');
      },
      (error: unknown) => {
        options.onSweep?.('failed');
        options.log?.error({ err: error }, 'cash-out sweep failed');
      },
    );
  return startRepeatingTask(sweep, options.intervalMs ?? 30_000);
}
