import { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createSimulator } from './create-simulator.ts';
import type { Simulator, SimulatorOptions } from './create-simulator.ts';

export interface RunningSimulator extends Simulator {
  /** e.g. "http://127.0.0.1:41234" */
  origin: string;
  /** origin + "/rest/v1/" */
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves the simulator on loopback; port 0 (the default) picks a free port. */
export async function startSimulator(options: SimulatorOptions & { port?: number; host?: string }): Promise<RunningSimulator> {
  const simulator = createSimulator(options);
  const host = options.host ?? '127.0.0.1';
  const server = createAdaptorServer({ fetch: simulator.app.fetch });
  if (!(server instanceof Server)) throw new Error('expected a plain HTTP server');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    ...simulator,
    origin,
    baseUrl: `${origin}/rest/v1/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
