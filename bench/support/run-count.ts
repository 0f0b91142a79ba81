/** How many times `npm run bench` runs every benchmark: `--runs N` (or `--runs=N`), else BENCH_RUNS, else 3. */
export function runCount(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const flag = argv.findIndex((arg) => arg === '--runs' || arg.startsWith('--runs='));
  const given = argv[flag] ?? '';
  const text = flag === -1 ? env.BENCH_RUNS : given.includes('=') ? given.slice(given.indexOf('=') + 1) : (argv[flag + 1] ?? '');
  if (text === undefined) return 3;
  const runs = Number(text);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a whole number of runs, 1 or more; got ${JSON.stringify(text)}`);
  return runs;
}
