/** One line of the summary table `npm run bench` prints at the end. */
export interface ResultRow {
  benchmark: 'scan' | 'bundle' | 'server' | 'flow';
  metric: string;
  value: string;
  /** The goal from the issue, when this figure has one. */
  target?: string;
  /** Whether the figure meets its target; absent for figures without one. Never fails the run. */
  met?: boolean;
}

export function printTable(rows: readonly ResultRow[]): void {
  const header = ['benchmark', 'metric', 'value', 'target', ''];
  const lines = rows.map((row) => [row.benchmark, row.metric, row.value, row.target ?? '', row.met === undefined ? '' : row.met ? 'ok' : 'MISSED']);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (cells: readonly string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}
