import { describe, expect, it } from 'vitest';
import { type BenchResults, summaryEnd, summaryStart, summaryTable, withSummary } from '../../../bench/support/summary-table.ts';
import { combineRuns } from '../../../bench/support/verdicts.ts';

const results: BenchResults = {
  finishedAt: '2026-11-30T19:00:00.000Z',
  runs: 2,
  settings: { BENCH_STEPS: '3000' },
  machine: ['cpu: 2 × EPYC'],
  figures: combineRuns([
    [
      { benchmark: 'bundle', metric: 'initial JS+CSS', value: '23.8 KB in 2 files', measured: 23.8, target: { comparison: 'at most', limit: 35, unit: 'KB' } },
      { benchmark: 'server', metric: 'throughput | disk', value: '1158 steps/s', measured: 1158, target: { comparison: 'at least', limit: 1000, unit: 'steps/s' } },
      { benchmark: 'bundle', metric: 'lazy scanner', value: '107.5 KB' },
    ],
    [
      { benchmark: 'bundle', metric: 'initial JS+CSS', value: '23.8 KB in 2 files', measured: 23.8, target: { comparison: 'at most', limit: 35, unit: 'KB' } },
      { benchmark: 'server', metric: 'throughput | disk', value: '902 steps/s', measured: 902, target: { comparison: 'at least', limit: 1000, unit: 'steps/s' } },
      { benchmark: 'bundle', metric: 'lazy scanner', value: '107.5 KB' },
    ],
  ]),
};

describe('summaryTable', () => {
  it('has one row per figure with every run, the median, the target and the verdict', () => {
    const table = summaryTable(results);
    expect(table).toContain('2 runs of `npm run bench`, the last ending 2026-11-30T19:00:00.000Z, with BENCH_STEPS=3000.');
    const rows = table.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| benchmark'));
    expect(rows).toEqual([
      '| bundle | initial JS+CSS | 23.8 KB in 2 files | 23.8 KB | ≤ 35 KB | met |',
      '| server | throughput \\| disk | 1: 1158 steps/s · 2: 902 steps/s | 1030 steps/s | ≥ 1000 steps/s | met |',
      '| bundle | lazy scanner | 107.5 KB |  |  |  |',
    ]);
  });
});

describe('withSummary', () => {
  it('replaces only what lies between the markers', () => {
    const markdown = `# Benchmarks\n\n## Summary\n\n${summaryStart}\nold table\n${summaryEnd}\n\n## 1. Scan\n`;
    expect(withSummary(markdown, 'new table')).toBe(`# Benchmarks\n\n## Summary\n\n${summaryStart}\nnew table\n${summaryEnd}\n\n## 1. Scan\n`);
    expect(withSummary(withSummary(markdown, 'new table'), 'newer')).toContain(`${summaryStart}\nnewer\n${summaryEnd}`);
  });

  it('refuses a file without the markers instead of appending somewhere', () => {
    expect(() => withSummary('# Benchmarks\n', 'table')).toThrow(/summary markers/);
  });
});
