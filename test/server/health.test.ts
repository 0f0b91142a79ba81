import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHealthCheck } from '../../server/health.ts';
import { createWalletClient } from '../../server/wallet/client.ts';
import { json, startRecordingServer, type RecordingServer } from './wallet/recording-server.ts';

let paysera: RecordingServer;
let clock: number;

beforeEach(async () => {
  paysera = await startRecordingServer();
  clock = 1_700_000_000_000;
});
afterEach(async () => {
  await paysera.close();
});

function healthCheck() {
  const wallet = createWalletClient({ baseUrl: paysera.baseUrl, clientId: 'id', macKey: 'key', timeoutMs: 5_000 });
  return createHealthCheck(wallet, 'live', { cacheMs: 5_000, now: () => clock });
}

describe('health check', () => {
  it('asks Paysera once for any number of callers within the cache time', async () => {
    paysera.respond(json(200, { time: 1_700_000_000 }));
    const health = healthCheck();
    const answers = await Promise.all(Array.from({ length: 20 }, () => health()));
    for (const answer of answers) expect(answer).toMatchObject({ ok: true, mode: 'live', wallet: { reachable: true } });
    clock += 4_999;
    expect(await health()).toMatchObject({ ok: true });
    expect(paysera.requests).toHaveLength(1);
    expect(paysera.requests[0]?.url).toMatch(/\/server$/);
  });

  it('asks again once the answer is older than the cache time, and caches a failure too', async () => {
    paysera.respond(json(200, { time: 1_700_000_000 }), json(400, { error: 'invalid_request', error_description: 'no' }));
    const health = healthCheck();
    expect(await health()).toMatchObject({ ok: true });
    clock += 5_000;
    expect(await health()).toMatchObject({ ok: false, wallet: { reachable: false } });
    expect(await health()).toMatchObject({ ok: false });
    expect(paysera.requests).toHaveLength(2);
  });
});
