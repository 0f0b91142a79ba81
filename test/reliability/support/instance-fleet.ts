import { type ChildServer, spawnServer } from './child-server.ts';
import type { Random } from './random.ts';
import { type RoundRobinProxy, startRoundRobinProxy } from './round-robin-proxy.ts';

/**
 * Several Kasa processes on one store behind the round-robin balancer, as an operator runs them:
 * PUBLIC_ORIGIN is the balancer's address (its Host passes through) and TRUST_PROXY names it.
 * Any instance can be SIGKILLed and started again while the others keep serving.
 */

export interface InstanceFleet {
  /** Where clients send their requests: the balancer. */
  origin: string;
  proxy: RoundRobinProxy;
  /** SIGKILLs instance `slot`, leaves it down for `downMs`, then starts it again on the same store. */
  killAndRestart(slot: number, downMs: number): Promise<void>;
  /** Kills one instance after another, a random one every `everyMs`, until stopped. */
  keepKilling(random: Random, timing: { everyMs: readonly [number, number]; downMs: readonly [number, number] }): Killer;
  readonly kills: number;
  close(): Promise<void>;
}

export interface Killer {
  /** Resolves once the instance being restarted (if any) is back, so every slot is up again. */
  stop(): Promise<void>;
}

export async function startInstanceFleet(size: number, env: Record<string, string>): Promise<InstanceFleet> {
  const proxy = await startRoundRobinProxy(size);
  const fleetEnv = { ...env, PUBLIC_ORIGIN: proxy.origin, TRUST_PROXY: '127.0.0.1' };
  const instances: (ChildServer | null)[] = Array.from({ length: size }, () => null);
  let kills = 0;

  const start = async (slot: number): Promise<void> => {
    const instance = await spawnServer(fleetEnv);
    instances[slot] = instance;
    proxy.setUpstream(slot, instance.origin);
  };
  const killAndRestart = async (slot: number, downMs: number): Promise<void> => {
    await instances[slot]?.kill();
    instances[slot] = null;
    kills += 1;
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await start(slot);
  };

  try {
    // Started together, as a deployment does: the migrations must run once among them.
    await Promise.all(instances.map((_, slot) => start(slot)));
  } catch (error) {
    await Promise.all(instances.map((instance) => instance?.kill()));
    await proxy.close();
    throw error;
  }

  return {
    origin: proxy.origin,
    proxy,
    killAndRestart,
    keepKilling(random, timing) {
      let stopped = false;
      let wake: () => void = () => undefined;
      const pause = (ms: number) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, ms);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      const loop = (async () => {
        for (;;) {
          await pause(random.int(...timing.everyMs));
          if (stopped) return;
          await killAndRestart(random.int(0, size - 1), random.int(...timing.downMs));
        }
      })();
      return {
        async stop() {
          stopped = true;
          wake();
          await loop;
        },
      };
    },
    get kills() {
      return kills;
    },
    async close() {
      await Promise.all(instances.map((instance) => instance?.kill()));
      await proxy.close();
    },
  };
}
