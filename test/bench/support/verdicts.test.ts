import { describe, expect, it } from 'vitest';
import type { ResultRow, Target } from '../../../bench/support/results.ts';
import { combineRuns, median, meets } from '../../../bench/support/verdicts.ts';

const atMost2ms: Target = { comparison: 'at most', limit: 2, unit: 'ms' };
const atLeast1000: Target = { comparison: 'at least', limit: 1000, unit: 'steps/s' };

function overhead(measured: number): ResultRow {
  return { benchmark: 'server', metric: 'overhead', value: `${measured} ms`, measured, target: atMost2ms };
}

describe('median', () => {
  it('takes the middle run, and for an even count the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 3])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('meets', () => {
  it('reads "at most" and "at least" with the limit itself included', () => {
    expect(meets(2, atMost2ms)).toBe(true);
    expect(meets(2.01, atMost2ms)).toBe(false);
    expect(meets(1000, atLeast1000)).toBe(true);
    expect(meets(999, atLeast1000)).toBe(false);
  });
});

describe('combineRuns', () => {
  it('judges the median run, so one lucky run does not pass a target the others miss', () => {
    const [figure] = combineRuns([[overhead(1.2)], [overhead(2.6)], [overhead(3.1)]]);
    expect(figure).toMatchObject({ metric: 'overhead', values: ['1.2 ms', '2.6 ms', '3.1 ms'], measured: [1.2, 2.6, 3.1], median: 2.6, verdict: 'missed' });
  });

  it('passes a target the typical run meets even when one run misses it', () => {
    const runs = [[{ ...overhead(900), target: atLeast1000 }], [{ ...overhead(1100), target: atLeast1000 }], [{ ...overhead(1050), target: atLeast1000 }]];
    expect(combineRuns(runs)[0]).toMatchObject({ median: 1050, verdict: 'met' });
  });

  it('keeps figures without a target, and says when a targeted figure was never measured', () => {
    const size: ResultRow = { benchmark: 'bundle', metric: 'lazy scanner', value: '107.5 KB' };
    const broken: ResultRow = { benchmark: 'flow', metric: 'UI share', value: 'n/a', measured: Number.NaN, target: atMost2ms };
    const figures = combineRuns([[size, broken], [size, broken]]);
    expect(figures.map((figure) => [figure.metric, figure.verdict])).toEqual([
      ['lazy scanner', 'no target'],
      ['UI share', 'not measured'],
    ]);
    expect(figures[0]?.values).toEqual(['107.5 KB', '107.5 KB']);
  });

  it('groups by benchmark and metric in the order first seen, whatever order later runs report in', () => {
    const a: ResultRow = { benchmark: 'scan', metric: 'a', value: 'a' };
    const b: ResultRow = { benchmark: 'server', metric: 'a', value: 'b' };
    const figures = combineRuns([[a, b], [b, a]]);
    expect(figures.map((figure) => [figure.benchmark, figure.values])).toEqual([
      ['scan', ['a', 'a']],
      ['server', ['b', 'b']],
    ]);
  });
});
