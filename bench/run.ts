import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBundleBench } from './bundle.ts';
import { runCorpusBench } from './corpus.ts';
import { runFirstScanBench } from './first-scan.ts';
import { runFlowBench } from './flow.ts';
import { runInstancesBench } from './instances.ts';
import { runScanBench } from './scan.ts';
import { runServerBench } from './server.ts';
import { repoRoot } from './support/dist.ts';
import { describeMachine } from './support/machine.ts';
import { describeTarget, type ResultRow } from './support/results.ts';
import { runCount } from './support/run-count.ts';
import { keepingTheRest, onlySome } from './support/only-some.ts';
import { type BenchResults, summaryTable, withSummary } from './support/summary-table.ts';
import { combineRuns } from './support/verdicts.ts';

/**
 * `npm run bench [-- --runs N] [--only a,b]`: the benchmarks one after another, N times; then every
 * figure with its target and the verdict on the median of the runs goes to bench/results.json and
 * the summary table of BENCHMARKS.md (with --only, the others' figures are kept and marked as
 * earlier). Figures never fail the run.
 */
const allBenchmarks: [ResultRow['benchmark'], () => Promise<ResultRow[]>][] = [
  ['bundle', runBundleBench],
  ['flow', runFlowBench],
  ['server', runServerBench],
  ['instances', runInstancesBench],
  ['scan', runScanBench],
  ['scan', runFirstScanBench],
  ['corpus', runCorpusBench],
];
const only = onlySome(process.argv.slice(2));
const benchmarks = only === null ? allBenchmarks : allBenchmarks.filter(([name]) => only.includes(name));
if (only?.some((name) => !allBenchmarks.some(([known]) => known === name))) throw new Error(`--only: the benchmarks are ${[...new Set(allBenchmarks.map(([name]) => name))].join(', ')}`);
const knobs = ['BENCH_STEPS', 'BENCH_CONNECTIONS', 'BENCH_SCAN_REPS', 'BENCH_SCAN_VARIANT_REPS', 'BENCH_FLOW_REPS', 'BENCH_CORPUS_PICTURES', 'BENCH_FIRST_SCAN_ROUNDS'];
const resultsFile = join(repoRoot, 'bench', 'results.json');
const benchmarksFile = join(repoRoot, 'BENCHMARKS.md');

async function runOnce(run: number, of: number): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const [name, bench] of benchmarks) {
    console.log(`\n— ${name} (run ${run} of ${of}) —`);
    const began = Date.now();
    try {
      rows.push(...(await bench()));
    } catch (error) {
      // One broken benchmark should not hide the others' figures.
      console.error(error);
      rows.push({ benchmark: name, metric: 'did not complete', value: error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error) });
    }
    console.log(`(${name}: ${((Date.now() - began) / 1000).toFixed(0)} s)`);
  }
  return rows;
}

const runs = runCount(process.argv.slice(2), process.env);
const machine = describeMachine();
for (const line of machine) console.log(line);
const started = Date.now();
const perRun: ResultRow[][] = [];
for (let run = 1; run <= runs; run++) perRun.push(await runOnce(run, runs));

const fresh: BenchResults = {
  finishedAt: new Date().toISOString(),
  runs,
  settings: Object.fromEntries(knobs.flatMap((knob) => (process.env[knob] === undefined ? [] : [[knob, process.env[knob] ?? '']]))),
  machine,
  figures: combineRuns(perRun),
};
const results = only === null ? fresh : keepingTheRest(JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchResults, fresh, only);
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(benchmarksFile, withSummary(readFileSync(benchmarksFile, 'utf8'), summaryTable(results)));
console.log(`\nSummary of ${runs} run(s), ${((Date.now() - started) / 1000).toFixed(0)} s in all; written to bench/results.json and BENCHMARKS.md`);
for (const figure of results.figures) {
  const judged = figure.target ? ` — median ${figure.median?.toFixed(2) ?? 'n/a'} vs ${describeTarget(figure.target)}: ${figure.verdict}` : '';
  console.log(`${figure.benchmark.padEnd(6)} ${figure.metric}: ${figure.values.join(' · ')}${judged}`);
}
