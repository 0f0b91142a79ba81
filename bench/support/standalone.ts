import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printTable, type ResultRow } from './results.ts';

/** Runs a benchmark and prints its table when its file is the one started (`npx tsx bench/x.ts`), not when run.ts imports it. */
export async function runIfStarted(moduleUrl: string, run: () => Promise<ResultRow[]>): Promise<void> {
  const started = process.argv[1];
  if (started === undefined || realpathSync(started) !== realpathSync(fileURLToPath(moduleUrl))) return;
  printTable(await run());
}
