import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readyMarker } from './ready-marker.ts';

/** Kasa in a child process, so a test can SIGKILL it mid-request and start it again on the same data dir. */

export interface ChildServer {
  origin: string;
  /** SIGKILL: no shutdown code runs, as in a power cut or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM, as a process manager stops a service; resolves with how the process ended. */
  terminate(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
}

const entry = fileURLToPath(new URL('./server-entry.ts', import.meta.url));
const mainEntry = fileURLToPath(new URL('../../../server/main.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const startTimeoutMs = 30_000;

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Starts `script` with `env` and resolves once `originIn` finds the origin in what it printed. */
async function spawnChild(script: string, env: Record<string, string>, originIn: (stdout: string) => string | undefined): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${startTimeoutMs} ms: ${stderr}`));
    }, startTimeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const found = originIn(stdout);
      if (found === undefined) return;
      clearTimeout(timer);
      resolve(found);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited before listening (code ${code}, signal ${signal}): ${stderr}`));
    });
  });
  return {
    origin,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    terminate() {
      child.kill('SIGTERM');
      return exited(child);
    },
    output: () => `${stdout}${stderr}`,
  };
}

/** The test entry (server-entry.ts): startServer with a short sweep interval, announcing itself with the ready marker. */
export function spawnServer(env: Record<string, string>): Promise<ChildServer> {
  return spawnChild(entry, env, (stdout) => {
    const line = stdout.split('\n').find((candidate) => candidate.startsWith(readyMarker));
    return line === undefined ? undefined : (JSON.parse(line.slice(readyMarker.length)) as { origin: string }).origin;
  });
}

/** `tsx server/main.ts` itself, as `npm start` runs it, found listening by its banner. */
export function spawnMain(env: Record<string, string>): Promise<ChildServer> {
  return spawnChild(mainEntry, env, (stdout) => /Kasa is running at (\S+)/.exec(stdout)?.[1]);
}
