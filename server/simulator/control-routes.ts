import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import type { SimClock } from './clock.ts';
import { faultSpecSchema } from './faults.ts';
import type { SimulatorState } from './state.ts';
import type { WalletView } from './state-views.ts';
import type { WriteOverlapRecorder } from './write-overlaps.ts';

const walletIdParam = z.coerce.number().int().positive();
const createWalletSchema = z.strictObject({
  balances: z.record(z.string().regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO code'), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)),
  holderName: z.string().trim().min(1).max(100).optional(),
});
const issueCodeSchema = z.strictObject({ ttlSeconds: z.number().int().positive().optional() });
const advanceClockSchema = z.strictObject({ advanceSeconds: z.number().finite() });

type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/** Test and demo back door (/__control): wallets, codes, faults, clock, internal transaction views, write overlaps. */
export function controlRoutes(state: SimulatorState, clock: SimClock, overlaps: WriteOverlapRecorder): Hono {
  return new Hono()
    .post('/wallets', async (c) => {
      const input = await parseBody(c, createWalletSchema);
      if (!input.ok) return input.response;
      const { balances, holderName } = input.value;
      const walletId = state.createWallet(balances, holderName === undefined ? {} : { holderName });
      const wallet = state.wallet(walletId);
      return c.json({ walletId, holderName: wallet?.holderName, balances: wallet?.balances ?? {} }, 201);
    })
    .get('/wallets/:id', (c) => {
      const wallet = walletOf(state, c.req.param('id'));
      if (!wallet) return controlError(c, 404, 'not_found', 'No such wallet');
      return c.json({ walletId: wallet.id, holderName: wallet.holderName, balances: wallet.balances, held: wallet.held, available: wallet.available });
    })
    .post('/wallets/:id/codes', async (c) => {
      const wallet = walletOf(state, c.req.param('id'));
      if (!wallet) return controlError(c, 404, 'not_found', 'No such wallet');
      const input = await parseBody(c, issueCodeSchema);
      if (!input.ok) return input.response;
      return c.json(state.issueCode(wallet.id, input.value.ttlSeconds), 201);
    })
    .post('/faults', async (c) => {
      const input = await parseBody(c, faultSpecSchema);
      if (!input.ok) return input.response;
      return c.json({ id: state.addFault(input.value) }, 201);
    })
    .get('/faults', (c) => c.json({ faults: state.faults() }))
    .delete('/faults', (c) => {
      state.clearFaults();
      return c.body(null, 204);
    })
    .post('/clock', async (c) => {
      const input = await parseBody(c, advanceClockSchema);
      if (!input.ok) return input.response;
      clock.advance(input.value.advanceSeconds);
      return c.json({ now: clock.nowSeconds() });
    })
    .get('/overlaps', (c) => c.json({ writesSeen: overlaps.writesSeen(), overlaps: overlaps.overlaps() }))
    .delete('/overlaps', (c) => {
      overlaps.clear();
      return c.body(null, 204);
    })
    .get('/transactions', (c) => c.json({ transactions: state.transactions() }))
    .get('/transactions/:key', (c) => {
      const transaction = state.transaction(c.req.param('key'));
      if (!transaction) return controlError(c, 404, 'not_found', 'No such transaction');
      return c.json(transaction);
    });
}

function walletOf(state: SimulatorState, id: string): WalletView | undefined {
  const parsed = walletIdParam.safeParse(id);
  return parsed.success ? state.wallet(parsed.data) : undefined;
}

/** An empty body counts as `{}`, so calls without options need no body at all. */
async function parseBody<T extends z.ZodType>(c: Context, schema: T): Promise<Parsed<z.output<T>>> {
  const text = await c.req.text();
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return { ok: false, response: controlError(c, 400, 'invalid_input', 'Body must be JSON') };
  }
  const result = schema.safeParse(json);
  if (!result.success) return { ok: false, response: controlError(c, 400, 'invalid_input', z.prettifyError(result.error)) };
  return { ok: true, value: result.data };
}

function controlError(c: Context, status: 400 | 404, error: string, description: string): Response {
  return c.json({ error, error_description: description }, status);
}
