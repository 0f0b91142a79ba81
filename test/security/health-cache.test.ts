import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseConfig } from '../../server/config.ts';
import { startServer } from '../../server/start-server.ts';

/** Issue 10, LOW: /api/health needs no session, so it must not let anyone make Kasa call Paysera at will. */

it('answers a burst of unauthenticated health checks from one Paysera call', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kasa-health-'));
  const parsed = parseConfig({ LOG_LEVEL: 'silent' });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const server = await startServer(parsed.config, { port: 0, host: '127.0.0.1', dataDir });
  try {
    const simulator = server.simulator;
    if (!simulator) throw new Error('demo mode without a simulator');
    // A fault that changes nothing but counts every server-time call from here on.
    simulator.state.addFault({ endpoint: 'server', kind: 'latency', ms: 0, count: 1_000 });
    const answers = await Promise.all(Array.from({ length: 30 }, () => fetch(`${server.origin}/api/health`)));
    for (const answer of answers) expect(await answer.json()).toMatchObject({ ok: true, wallet: { reachable: true } });
    const calls = simulator.state.faults().reduce((sum, fault) => sum + fault.fired, 0);
    // One call, or two should the burst straddle the cache's expiry on a very slow machine; it was 30.
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(2);
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
