import type { BenchResults } from './summary-table.ts';

/** `--only a,b` (or `--only=a,b`): the benchmarks to run this time; null runs them all. */
export function onlySome(argv: readonly string[]): string[] | null {
  const flag = argv.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  if (flag === -1) return null;
  const given = argv[flag] ?? '';
  const text = given.includes('=') ? given.slice(given.indexOf('=') + 1) : (argv[flag + 1] ?? '');
  const names = text.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) throw new Error('--only wants benchmark names, e.g. --only instances');
  return names;
}

/**
 * Results of a run of some benchmarks, with the other benchmarks' figures kept from the results
 * before it, and where those came from, so the summary never passes old figures off as new.
 */
export function keepingTheRest(previous: BenchResults, fresh: BenchResults, ran: readonly string[]): BenchResults {
  const kept = previous.figures.filter((figure) => !ran.includes(figure.benchmark));
  if (kept.length === 0) return fresh;
  const earlier = previous.earlier ?? [];
  const keptBenchmarks = [...new Set(kept.map((figure) => figure.benchmark))].filter((name) => !earlier.some((from) => from.benchmarks.includes(name)));
  return {
    ...fresh,
    figures: [...kept, ...fresh.figures],
    earlier: [
      ...earlier.map((from) => ({ ...from, benchmarks: from.benchmarks.filter((name) => !ran.includes(name)) })).filter((from) => from.benchmarks.length > 0),
      ...(keptBenchmarks.length > 0 ? [{ benchmarks: keptBenchmarks, finishedAt: previous.finishedAt, runs: previous.runs, settings: previous.settings, machine: previous.machine }] : []),
    ],
  };
}
