/** A goal from the issue: the measured figure must stay at most, or reach at least, `limit`. */
export interface Target {
  comparison: 'at most' | 'at least';
  limit: number;
  unit: string;
}

/** One figure of one run of a benchmark. */
export interface ResultRow {
  benchmark: 'scan' | 'bundle' | 'server' | 'flow' | 'corpus' | 'instances';
  metric: string;
  /** The figure as people read it, with its context (counts, percentiles). */
  value: string;
  /** The number compared with `target`; given whenever there is a target. */
  measured?: number;
  target?: Target;
}

export type Verdict = 'met' | 'missed' | 'not measured' | 'no target';

/** One figure over all runs: what each run showed, and the verdict on the median of the runs. */
export interface Figure {
  benchmark: ResultRow['benchmark'];
  metric: string;
  values: string[];
  measured: number[];
  median?: number;
  target?: Target;
  verdict: Verdict;
}

export function describeTarget(target: Target): string {
  return `${target.comparison === 'at most' ? '≤' : '≥'} ${target.limit}${target.unit === '' ? '' : ` ${target.unit}`}`;
}

export function printTable(rows: readonly ResultRow[]): void {
  const header = ['benchmark', 'metric', 'value', 'target'];
  const lines = rows.map((row) => [row.benchmark, row.metric, row.value, row.target ? describeTarget(row.target) : '']);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (cells: readonly string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}
