import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createRequestDrain } from '../../../server/http/drain.ts';
import type { AppEnv } from '../../../server/http/env.ts';

/** A route that answers when the test says so, behind the drain as createApp puts it. */
function slowApp() {
  const drain = createRequestDrain();
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const app = new Hono<AppEnv>();
  app.use('*', drain.admit);
  app.get('/slow', async (c) => {
    await released;
    return c.json({ done: true });
  });
  app.get('/fast', (c) => c.json({ done: true }));
  return { app, drain, release };
}

describe('request drain', () => {
  it('resolves at once when nothing is being handled', async () => {
    const { drain } = slowApp();
    await expect(drain.drain()).resolves.toBeUndefined();
  });

  it('waits for the request being handled, which gets its real answer, and refuses those after it', async () => {
    const { app, drain, release } = slowApp();
    const inFlight = Promise.resolve(app.request('/slow'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    let drained = false;
    const draining = drain.drain().then(() => {
      drained = true;
    });

    const late = await app.request('/fast');
    expect(late.status).toBe(503);
    expect(late.headers.get('Connection')).toBe('close');
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe('SHUTTING_DOWN');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(drained).toBe(false);

    release();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ done: true });
    await draining;
    expect(drained).toBe(true);
  });
});
