import { describe, expect, it } from 'vitest';
import { runCount } from '../../../bench/support/run-count.ts';

describe('runCount', () => {
  it('takes --runs N or --runs=N before BENCH_RUNS, and defaults to three runs', () => {
    expect(runCount(['--runs', '2'], { BENCH_RUNS: '5' })).toBe(2);
    expect(runCount(['--runs=4'], {})).toBe(4);
    expect(runCount([], { BENCH_RUNS: '5' })).toBe(5);
    expect(runCount([], {})).toBe(3);
  });

  it('refuses a count that is not a whole number of runs', () => {
    for (const bad of ['0', '-1', '1.5', 'many']) expect(() => runCount(['--runs', bad], {}), bad).toThrow(/whole number/);
    expect(() => runCount(['--runs'], {})).toThrow(/whole number/);
  });
});
