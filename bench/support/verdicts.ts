import type { Figure, ResultRow, Target, Verdict } from './results.ts';

/** The middle value; for an even count the mean of the two middle ones, so two runs never yield the better one alone. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function meets(value: number, target: Target): boolean {
  return target.comparison === 'at most' ? value <= target.limit : value >= target.limit;
}

function verdictOf(measured: readonly number[], target: Target | undefined): { median?: number; verdict: Verdict } {
  if (!target) return { verdict: 'no target' };
  const finite = measured.filter(Number.isFinite);
  if (finite.length === 0) return { verdict: 'not measured' };
  const middle = median(finite);
  return { median: middle, verdict: meets(middle, target) ? 'met' : 'missed' };
}

/**
 * Every figure of every run, grouped by benchmark and metric in the order first seen. A verdict
 * judges the median of the runs: one lucky run on a quiet moment must not pass a target that the
 * typical run misses.
 */
export function combineRuns(runs: readonly (readonly ResultRow[])[]): Figure[] {
  const figures = new Map<string, Omit<Figure, 'verdict' | 'median'>>();
  for (const rows of runs) {
    for (const row of rows) {
      const key = `${row.benchmark}\u0000${row.metric}`;
      const figure = figures.get(key) ?? { benchmark: row.benchmark, metric: row.metric, values: [], measured: [], ...(row.target && { target: row.target }) };
      figures.set(key, figure);
      figure.values.push(row.value);
      if (row.measured !== undefined) figure.measured.push(row.measured);
    }
  }
  return [...figures.values()].map((figure) => ({ ...figure, ...verdictOf(figure.measured, figure.target) }));
}
