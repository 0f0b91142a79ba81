import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readyMarker } from './ready-marker.ts';

/** Kasa in a child process, so a test can SIGKILL it mid-request and start it again on the same data dir. */

export interface ChildServer {
  origin: string;
  /** SIGKILL: no shutdown code runs, as in a power cut or an OOM kill. */
  kill(): Promise<void>;
}

const entry = fileURLToPath(new URL('./server-entry.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const startTimeoutMs = 30_000;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function spawnServer(env: Record<string, string>): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
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
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(readyMarker));
      if (line === undefined) return;
      clearTimeout(timer);
      resolve((JSON.parse(line.slice(readyMarker.length)) as { origin: string }).origin);
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
  };
}
