import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildReply, ChildRequest, ServerChildInfo } from './child-messages.ts';

export interface ServerChild {
  info: ServerChildInfo;
  /** The child's memory after a full garbage collection. */
  memory(): Promise<NodeJS.MemoryUsage>;
  close(): Promise<void>;
}

const entry = fileURLToPath(new URL('./server-process.ts', import.meta.url));

function nextReply<T extends ChildReply['type']>(child: ChildProcess, type: T): Promise<Extract<ChildReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildReply): void => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as Extract<ChildReply, { type: T }>);
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`the server child exited (code ${code}) before answering`));
    };
    const cleanup = (): void => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Starts `kind` in its own Node process (stdout dropped, stderr shown) and waits until it listens. */
export async function startServerChild(kind: 'kasa' | 'kasa-live' | 'simulator' | 'balancer', env: Record<string, string>): Promise<ServerChild> {
  const child = fork(entry, [kind], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
  const send = (message: ChildRequest): void => {
    child.send(message);
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const { info } = await nextReply(child, 'ready');
  return {
    info,
    async memory() {
      const reply = nextReply(child, 'memory');
      send({ type: 'memory' });
      return (await reply).usage;
    },
    async close() {
      send({ type: 'close' });
      await exited;
    },
  };
}
