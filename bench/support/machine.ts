import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { chromiumPath } from '../../test/e2e/support/browser.ts';

/** The facts BENCHMARKS.md records about the machine a run happened on. */
export function describeMachine(): string[] {
  const cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  let chromium = 'unknown';
  try {
    chromium = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    chromium = `not found at ${chromiumPath}`;
  }
  return [
    `date: ${new Date().toISOString()}`,
    `cpu: ${availableParallelism()} × ${cpu}; memory ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `node ${process.version}; ${chromium}`,
    // Other work on the machine skews every figure; the load average says how busy it was.
    `load average at start: ${loadavg().map((load) => load.toFixed(2)).join(' ')}`,
  ];
}
