import { setTimeout as sleep } from 'node:timers/promises';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { WalletOperation } from '../wallet/errors.ts';
import { failureResponse, invalidParameters, invalidRequest, notFound, WalletApiFailure } from './api-failure.ts';
import type { SimClock } from './clock.ts';
import { MacVerifier } from './mac-verifier.ts';
import type { SignedCallLog } from './signed-calls.ts';
import { dropConnection, nodeIncoming } from './node-connection.ts';
import { requestTarget } from './request-target.ts';
import type { SimulatorState } from './state.ts';
import { transactionJson } from './transaction-json.ts';
import { isWalletWrite, operationIdOf, type WalletWrite, writeSubject, type WriteOverlapRecorder } from './write-overlaps.ts';
import { confirmSchema, createTransactionSchema, defaultReserveSeconds, listQuerySchema, reserveSchema } from './wallet-schemas.ts';

export interface WalletRoutesDeps {
  state: SimulatorState;
  clock: SimClock;
  clients: Record<string, string>;
  overlaps: WriteOverlapRecorder;
  signedCalls: SignedCallLog;
}

type Operation = (c: Context, body: Uint8Array) => unknown;

/** The Wallet API under /rest/v1: every call is read once, authenticated, exposed to faults, then applied. */
export function walletRoutes({ state, clock, clients, overlaps, signedCalls }: WalletRoutesDeps): Hono {
  const verifier = new MacVerifier(clients, clock);

  const route =
    (operation: WalletOperation, run: Operation) =>
    async (c: Context): Promise<Response> => {
      const body = new Uint8Array(await c.req.arrayBuffer());
      if (operation !== 'server') {
        const verified = verifier.verify(requestTarget(c), c.req.header('authorization'), body);
        if (verified instanceof WalletApiFailure) return failureResponse(c, verified);
        signedCalls.record(operation, c.req.path, verified.ext);
      }
      const finished = isWalletWrite(operation) ? beginWrite(c, operation, body) : undefined;
      try {
        return await faultedAndApplied(c, operation, body, run);
      } finally {
        finished?.();
      }
    };

  /** Undefined for a create without Kasa's tag: it makes a new transaction, which nothing else can be writing. */
  const beginWrite = (c: Context, write: WalletWrite, body: Uint8Array): (() => void) | undefined => {
    const key = c.req.param('key');
    const subject = key === undefined ? writeSubject(createdOperationId(body)) : writeSubject(operationIdOf(state.transaction(key)), key);
    const socket = nodeIncoming(c)?.socket;
    return subject === null ? undefined : overlaps.begin(write, subject, () => socket?.destroyed === true);
  };

  const faultedAndApplied = async (c: Context, operation: WalletOperation, body: Uint8Array, run: Operation): Promise<Response> => {
    const fault = state.takeFault(operation);
    if (fault?.kind === 'latency' || fault?.kind === 'hang') await sleep(fault.ms, undefined, { ref: false });
    if (fault?.kind === 'drop_before') return dropConnection(c);
    if (fault?.kind === 'error') return failureResponse(c, new WalletApiFailure(fault.status, 'internal_server_error'));
    if (fault?.kind === 'refuse') return failureResponse(c, new WalletApiFailure(403, 'forbidden', 'Client has no permission for this action'));
    let response: Response;
    try {
      response = c.json(run(c, body));
    } catch (error) {
      if (!(error instanceof WalletApiFailure)) throw error;
      response = failureResponse(c, error);
    }
    return fault?.kind === 'drop_after' ? dropConnection(c) : response;
  };

  return new Hono()
    .get('/server', route('server', () => ({ time: clock.nowSeconds() })))
    .post(
      '/transaction',
      route('create', (_c, body) => {
        const input = parseWith(createTransactionSchema, jsonOf(body));
        return transactionJson(state.createTransaction(input.payments, input.reserve?.for ?? defaultReserveSeconds));
      }),
    )
    .get('/transaction/:key', route('get', (c) => transactionJson(state.getTransaction(c.req.param('key') ?? ''))))
    .put(
      '/transaction/:key/reserve',
      route('reserve', (c, body) => {
        const { code } = parseWith(reserveSchema, jsonOf(body));
        return transactionJson(state.reserveWithCode(c.req.param('key') ?? '', code));
      }),
    )
    .put(
      '/transaction/:key/confirm',
      route('confirm', (c, body) => {
        if (body.length > 0) parseWith(confirmSchema, jsonOf(body));
        return transactionJson(state.confirm(c.req.param('key') ?? ''));
      }),
    )
    .get('/wallet/:id', route('wallet', (c) => walletJson(state, c.req.param('id') ?? '')))
    .delete('/transaction/:key', route('revoke', (c) => transactionJson(state.revoke(c.req.param('key') ?? ''))))
    .get(
      '/transactions',
      route('list', (c) => {
        const query = parseWith(listQuerySchema, c.req.query());
        const transactions = state.list({
          limit: query.limit,
          offset: query.offset,
          ...(query.status !== undefined && { statuses: query.status }),
          ...(query.wallet !== undefined && { walletId: query.wallet }),
          ...(query.from !== undefined && { from: query.from }),
          ...(query.to !== undefined && { to: query.to }),
        });
        return { transactions: transactions.map(transactionJson) };
      }),
    );
}

/** The shape of Paysera's "Get wallet information" (wallet-api.md §9), from the simulator's own wallet. */
function walletJson(state: SimulatorState, id: string) {
  const wallet = /^\d{1,15}$/.test(id) ? state.wallet(Number(id)) : undefined;
  if (!wallet) throw notFound('Wallet not found');
  return {
    id: wallet.id,
    owner: wallet.id + 1000,
    account: {
      number: `EVP${String(wallet.id).padStart(13, '0')}`,
      owner_display_name: wallet.holderName,
      description: 'Paysera account',
      ibans: [],
    },
  };
}

/** The create's `kasa_operation_id`, read leniently: a malformed body is refused later by the create itself. */
function createdOperationId(body: Uint8Array): unknown {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as { payments?: { parameters?: { kasa_operation_id?: unknown } }[] };
    return parsed.payments?.[0]?.parameters?.kasa_operation_id;
  } catch {
    return undefined;
  }
}

function jsonOf(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw invalidRequest('Request body must be UTF-8 JSON');
  }
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidParameters(result.error);
  return result.data;
}
