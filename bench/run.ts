import { runBundleBench } from './bundle.ts';
import { runFlowBench } from './flow.ts';
import { runScanBench } from './scan.ts';
import { runServerBench } from './server.ts';
import { describeMachine } from './support/machine.ts';
import { printTable, type ResultRow } from './support/results.ts';

/** `npm run bench`: the four benchmarks one after another, then one table. Figures never fail the run. */
const benchmarks: [ResultRow['benchmark'], () => Promise<ResultRow[]>][] = [
  ['bundle', runBundleBench],
  ['flow', runFlowBench],
  ['server', runServerBench],
  ['scan', runScanBench],
];

for (const line of describeMachine()) console.log(line);
const started = Date.now();
const rows: ResultRow[] = [];
for (const [name, run] of benchmarks) {
  console.log(`\n— ${name} —`);
  const began = Date.now();
  try {
    rows.push(...(await run()));
  } catch (error) {
    // One broken benchmark should not hide the others' figures.
    console.error(error);
    rows.push({ benchmark: name, metric: 'did not complete', value: error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error) });
  }
  console.log(`(${name}: ${((Date.now() - began) / 1000).toFixed(0)} s)`);
}
console.log(`\nSummary (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
printTable(rows);
