import { setTimeout as delay } from 'node:timers/promises';
import type { z } from 'zod';
import { readRetryDelayMs } from './backoff.ts';
import { WalletError, WalletOutcomeUnknown } from './errors.ts';
import type { WalletOperation } from './errors.ts';
import { serverTimeSchema, transactionListSchema, transactionSchema, walletSchema } from './schemas.ts';
import { type HttpSend, sendWithNodeHttp } from './http-send.ts';
import { createTransport } from './transport.ts';
import type { WalletEvent, WalletRequest } from './transport.ts';
import type { CallScope, CreateTransactionInput, ListTransactionsFilter, ReadOptions, WalletAccount, WalletClient, WalletTransaction } from './types.ts';

/**
 * The reserve body field that carries the customer's code. The cash-out guide says `code`, both
 * mobile SDKs say `reservation_code` (wallet-api.md §4.5); switch here if production disagrees.
 */
export const reserveCodeField = 'code';

export interface WalletClientOptions {
  baseUrl: string;
  clientId: string;
  macKey: string;
  timeoutMs: number;
  /** project_id / location_id, sent as MAC ext parameters when set; a call's CallScope may name another location_id. */
  extParams?: Record<string, string>;
  /** How one HTTP exchange is made; node:http with kept-alive connections unless given another. */
  send?: HttpSend;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Structured-logging hook; never receives codes or secrets. */
  onEvent?: (e: WalletEvent) => void;
}

/** Reads repeat on their own unless the caller runs its own schedule; a write is never re-sent, because Paysera has no idempotency key. */
const readRetries = 2;

export function createWalletClient(options: WalletClientOptions): WalletClient {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const random = options.random ?? Math.random;
  let offsetSeconds = 0;
  const localSeconds = (): number => Math.floor(now() / 1000);

  const transport = createTransport({
    baseUrl: options.baseUrl,
    clientId: options.clientId,
    macKey: options.macKey,
    timeoutMs: options.timeoutMs,
    send: options.send ?? sendWithNodeHttp,
    now,
    timestamp: () => localSeconds() + offsetSeconds,
    ...(options.extParams !== undefined && { extParams: options.extParams }),
    ...(options.onEvent !== undefined && { onEvent: options.onEvent }),
  });

  async function call(request: WalletRequest, retryReads = true): Promise<unknown> {
    let resynced = false;
    let retries = 0;
    for (;;) {
      try {
        return (await transport(request)).body;
      } catch (error) {
        // Paysera refuses a stale ts before doing anything, so even a write may be re-signed and sent once more.
        if (request.signed && !resynced && isInvalidTimestamp(error)) {
          resynced = true;
          await syncClock();
          continue;
        }
        if (retryReads && request.method === 'GET' && error instanceof WalletOutcomeUnknown && retries < readRetries) {
          await sleep(readRetryDelayMs(retries, random));
          retries += 1;
          continue;
        }
        throw error;
      }
    }
  }

  async function getServerTime(): Promise<number> {
    const body = await call({ operation: 'server', method: 'GET', path: 'server', signed: false });
    return parse('server', serverTimeSchema, body);
  }

  async function syncClock(): Promise<number> {
    const serverTime = await getServerTime();
    offsetSeconds = serverTime - localSeconds();
    return offsetSeconds;
  }

  async function getTransaction(key: string, options: ReadOptions = {}): Promise<WalletTransaction> {
    const body = await call({ operation: 'get', method: 'GET', path: transactionPath(key), signed: true, ...located(options) }, options.retry ?? true);
    return parse('get', transactionSchema, body);
  }

  /** The docs disagree on whether reserve/confirm/revoke answer with the transaction or `{}`. */
  async function transactionOrReadBack(operation: WalletOperation, key: string, body: unknown, scope: CallScope): Promise<WalletTransaction> {
    const parsed = transactionSchema.safeParse(body);
    if (parsed.success) return parsed.data;
    try {
      return await getTransaction(key, located(scope));
    } catch (error) {
      if (error instanceof WalletOutcomeUnknown) throw new WalletOutcomeUnknown(operation, `read-back failed: ${error.reason}`);
      throw error;
    }
  }

  return {
    getServerTime,
    syncClock,
    clockOffsetSeconds: () => offsetSeconds,
    getTransaction,

    async createTransaction(input: CreateTransactionInput, scope: CallScope = {}): Promise<WalletTransaction> {
      const body = await call({
        operation: 'create',
        method: 'POST',
        path: 'transaction',
        signed: true,
        ...located(scope),
        body: {
          payments: [
            {
              description: input.description,
              price: input.amountCents,
              currency: input.currency,
              parameters: { kasa_operation_id: input.operationId },
            },
          ],
          reserve: { for: input.reserveForSeconds },
        },
      });
      return parse('create', transactionSchema, body);
    },

    async reserveWithCode(key: string, code: string, scope: CallScope = {}): Promise<WalletTransaction> {
      const body = await call({
        operation: 'reserve',
        method: 'PUT',
        path: `${transactionPath(key)}/reserve`,
        signed: true,
        body: { [reserveCodeField]: code },
        secrets: [code],
        ...located(scope),
      });
      return transactionOrReadBack('reserve', key, body, scope);
    },

    async confirmTransaction(key: string, scope: CallScope = {}): Promise<WalletTransaction> {
      const body = await call({ operation: 'confirm', method: 'PUT', path: `${transactionPath(key)}/confirm`, signed: true, ...located(scope) });
      return transactionOrReadBack('confirm', key, body, scope);
    },

    async revokeTransaction(key: string, scope: CallScope = {}): Promise<WalletTransaction> {
      const body = await call({ operation: 'revoke', method: 'DELETE', path: transactionPath(key), signed: true, ...located(scope) });
      return transactionOrReadBack('revoke', key, body, scope);
    },

    async listTransactions(filter: ListTransactionsFilter = {}, scope: CallScope = {}): Promise<WalletTransaction[]> {
      const body = await call({ operation: 'list', method: 'GET', path: `transactions${listQuery(filter)}`, signed: true, ...located(scope) });
      return parse('list', transactionListSchema, body);
    },

    async getWallet(walletId: number, scope: CallScope = {}): Promise<WalletAccount> {
      const body = await call(
        { operation: 'wallet', method: 'GET', path: `wallet/${encodeURIComponent(String(walletId))}`, signed: true, ...located(scope) },
        false,
      );
      return parse('wallet', walletSchema, body);
    },
  };
}

/** The request field for a scope: only a location that is named replaces the configured one. */
function located(scope: CallScope): { locationId?: string } {
  return scope.locationId == null ? {} : { locationId: scope.locationId };
}

function isInvalidTimestamp(error: unknown): boolean {
  return error instanceof WalletError && error.walletError === 'invalid_timestamp';
}

/** A 2xx whose body we cannot read leaves the outcome as open as a timeout does. */
function parse<T>(operation: WalletOperation, schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new WalletOutcomeUnknown(operation, 'response does not have the expected shape');
  return result.data;
}

function transactionPath(key: string): string {
  return `transaction/${encodeURIComponent(key)}`;
}

function listQuery(filter: ListTransactionsFilter): string {
  const pairs: string[] = [];
  if (filter.status !== undefined && filter.status.length > 0) pairs.push(`status=${filter.status.map(encodeURIComponent).join(',')}`);
  for (const name of ['from', 'to', 'limit', 'offset'] as const) {
    const value = filter[name];
    if (value !== undefined) pairs.push(`${name}=${encodeURIComponent(String(value))}`);
  }
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}
