import type { ResultRow } from './results.ts';

/** Memory and throughput of a server process, read after each chunk of a long run. */
export interface MemoryTrace {
  afterSteps: number[];
  heapUsed: number[];
  rss: number[];
  stepsPerSecond: number[];
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * "Flat" as a number: readings after a GC wander by tens of KB between chunks, while keeping one
 * cash-out record (≈ 1 KB) per cash-out would add ≈ 330 KB per 1,000 steps.
 */
const flatHeapKbPerThousandSteps = 50;

export function describeTrace(label: string, trace: MemoryTrace): string {
  const points = trace.afterSteps.map((steps, i) => `${steps}: heap ${mb(trace.heapUsed[i] ?? 0)} rss ${mb(trace.rss[i] ?? 0)}`);
  const rates = trace.stepsPerSecond.map((rate) => rate.toFixed(0)).join(' → ');
  return `  ${label}, memory after N steps (post-GC): ${points.join(' | ')}\n  ${label}, steps/s per chunk: ${rates}`;
}

/** Heap growth per 1,000 steps between the first and the last reading after warm-up. */
function growthPerThousand(trace: MemoryTrace, series: readonly number[]): number {
  const steps = (trace.afterSteps.at(-1) ?? 0) - (trace.afterSteps[1] ?? 0);
  return (((series.at(-1) ?? 0) - (series[1] ?? 0)) / steps) * 1000;
}

/** The long run's memory figures: the Kasa process (with its embedded simulator) and a bare simulator under the same load. */
export function memoryRows(disk: MemoryTrace, bare: MemoryTrace): ResultRow[] {
  const first = disk.afterSteps[1] ?? 0;
  const last = disk.afterSteps.at(-1) ?? 0;
  const serverGrowth = growthPerThousand(disk, disk.heapUsed) / 1024;
  const simulatorGrowth = growthPerThousand(bare, bare.heapUsed) / 1024;
  return [
    {
      benchmark: 'server',
      metric: 'server process heap after GC, long run (first → last reading after warm-up)',
      value: `${mb(disk.heapUsed[1] ?? 0)} → ${mb(disk.heapUsed.at(-1) ?? 0)} over steps ${first} → ${last} (${serverGrowth.toFixed(0)} KB per 1,000 steps)`,
    },
    {
      benchmark: 'server',
      metric: 'server process RSS, long run',
      value: `${mb(disk.rss[1] ?? 0)} → ${mb(disk.rss.at(-1) ?? 0)} over steps ${first} → ${last}`,
    },
    {
      benchmark: 'server',
      metric: 'of which the embedded simulator: bare simulator heap, same load',
      value: `${mb(bare.heapUsed[1] ?? 0)} → ${mb(bare.heapUsed.at(-1) ?? 0)} (${simulatorGrowth.toFixed(0)} KB per 1,000 steps)`,
    },
    {
      // Demo mode keeps the simulator's growing state in the same heap; what remains is Kasa's own.
      benchmark: 'server',
      metric: "Kasa's own heap growth: server process minus bare simulator, per 1,000 steps",
      value: `${(serverGrowth - simulatorGrowth).toFixed(0)} KB`,
      measured: serverGrowth - simulatorGrowth,
      target: { comparison: 'at most', limit: flatHeapKbPerThousandSteps, unit: 'KB per 1,000 steps' },
    },
  ];
}
