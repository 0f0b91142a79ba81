import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../../server/http/app.ts';
import { createMetrics } from '../../../../server/metrics.ts';
import { call, startHarness, type Harness } from '../harness.ts';

const token = 'metrics-token-for-tests-0123';

let guarded: Harness;
let unguarded: Harness;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  guarded = await startHarness({ env: { METRICS_TOKEN: token } });
  unguarded = await startHarness();
  app = createApp({ ...guarded.deps, metrics: createMetrics(guarded.store) });
});
afterAll(async () => {
  await guarded?.close();
  await unguarded?.close();
});

function scrape(target: { app: ReturnType<typeof createApp> }, authorization?: string): Promise<Response> {
  return Promise.resolve(target.app.request('http://kasa.test/metrics', authorization === undefined ? {} : { headers: { Authorization: authorization } }));
}

async function expectRefused(response: Response): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get('WWW-Authenticate')).toBe('Bearer');
  expect(await response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String), action: expect.any(String) } });
}

describe('GET /metrics', () => {
  it('refuses a scrape without a token, in the one error shape', async () => {
    await expectRefused(await scrape({ app }));
  });

  it('refuses a wrong token, a token of another length, a token under another scheme and an empty bearer', async () => {
    for (const header of [`Bearer ${token.slice(0, -1)}x`, `Bearer ${token}0`, `Basic ${token}`, 'Bearer ', token]) {
      await expectRefused(await scrape({ app }, header));
    }
  });

  it('answers the right token with the Prometheus text format, never cached', async () => {
    const response = await scrape({ app }, `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const text = await response.text();
    for (const family of ['kasa_cashouts_finished_total', 'kasa_wallet_call_duration_seconds', 'kasa_cashouts_in_doubt', 'kasa_sweeps_total', 'kasa_sweep_settled_total', 'kasa_http_requests_total']) {
      expect(text).toContain(`# TYPE ${family} `);
    }
    // The earlier refusals were counted under the route's pattern.
    expect(text).toMatch(/kasa_http_requests_total\{method="GET",route="\/metrics",status="401"\} [1-9]/);
    expect(text).toMatch(/^kasa_cashouts_in_doubt 0$/m);
  });

  it('takes the scheme in any case, as RFC 7235 has it', async () => {
    expect((await scrape({ app }, `bearer ${token}`)).status).toBe(200);
  });

  it('does not exist without METRICS_TOKEN: 404 like any unknown path, whatever is sent', async () => {
    const unset = createApp({ ...unguarded.deps, metrics: createMetrics(unguarded.store) });
    for (const header of [undefined, `Bearer ${token}`]) {
      const response = await scrape({ app: unset }, header);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
  });

  it('counts requests under their route pattern: no id, no raw path', async () => {
    const id = '3f1c9a52-0000-4000-8000-1234567890ab';
    await call({ app }, 'GET', `/api/cashouts/${id}`);
    await call({ app }, 'GET', `/api/cashouts/${id}/no-such-step`);
    await call({ app }, 'GET', '/wp-login.php');
    const text = await (await scrape({ app }, `Bearer ${token}`)).text();
    expect(text).toMatch(/kasa_http_requests_total\{method="GET",route="\/api\/cashouts\/:id",status="401"\} 1/);
    // Under /api/ the session check answers first; elsewhere the 404.
    expect(text).toMatch(/kasa_http_requests_total\{method="GET",route="unmatched",status="401"\} 1/);
    expect(text).toMatch(/kasa_http_requests_total\{method="GET",route="unmatched",status="404"\} 1/);
    expect(text).not.toContain(id);
    expect(text).not.toContain('wp-login');
  });
});
