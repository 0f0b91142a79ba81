import { describe, expect, it } from 'vitest';
import { keepingTheRest, onlySome } from '../../../bench/support/only-some.ts';
import { type BenchResults, summaryTable } from '../../../bench/support/summary-table.ts';
import { combineRuns } from '../../../bench/support/verdicts.ts';

const previous: BenchResults = {
  finishedAt: '2026-11-30T18:00:00.000Z',
  runs: 3,
  settings: { BENCH_STEPS: '3000' },
  machine: ['load average at start: 18.87'],
  figures: combineRuns([
    [
      { benchmark: 'bundle', metric: 'initial JS+CSS', value: '24.2 KB' },
      { benchmark: 'instances', metric: 'throughput', value: '500 steps/s' },
    ],
  ]),
};

const fresh: BenchResults = {
  finishedAt: '2026-11-30T21:00:00.000Z',
  runs: 1,
  settings: {},
  machine: ['load average at start: 3.10'],
  figures: combineRuns([[{ benchmark: 'instances', metric: 'throughput', value: '700 steps/s' }]]),
};

describe('onlySome', () => {
  it('reads the benchmarks from --only, in either spelling, and runs all without it', () => {
    expect(onlySome(['--runs', '2'])).toBeNull();
    expect(onlySome(['--only', 'instances,server'])).toEqual(['instances', 'server']);
    expect(onlySome(['--only=instances'])).toEqual(['instances']);
    expect(() => onlySome(['--only'])).toThrow(/benchmark names/);
  });
});

describe('keepingTheRest', () => {
  it('replaces the figures of the benchmarks run and keeps the others, saying where they came from', () => {
    const merged = keepingTheRest(previous, fresh, ['instances']);
    expect(merged.figures.map((figure) => `${figure.benchmark}: ${figure.values.join()}`)).toEqual(['bundle: 24.2 KB', 'instances: 700 steps/s']);
    expect(merged.earlier).toEqual([{ benchmarks: ['bundle'], finishedAt: previous.finishedAt, runs: 3, settings: previous.settings, machine: previous.machine }]);
    expect(summaryTable(merged)).toContain(
      'Kept from 3 earlier runs ending 2026-11-30T18:00:00.000Z, with BENCH_STEPS=3000: the bundle figures (machine: load average at start: 18.87).',
    );
  });

  it('drops a benchmark from the earlier runs once it is run again', () => {
    const once = keepingTheRest(previous, fresh, ['instances']);
    const again = keepingTheRest(once, { ...fresh, figures: combineRuns([[{ benchmark: 'bundle', metric: 'initial JS+CSS', value: '24.0 KB' }]]) }, ['bundle']);
    expect(again.earlier).toEqual([
      { benchmarks: ['instances'], finishedAt: fresh.finishedAt, runs: 1, settings: {}, machine: fresh.machine },
    ]);
  });
});
