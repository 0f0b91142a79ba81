import { generateNonce, signRequest } from '../../../server/wallet/mac.ts';
import type { RunningSimulator } from '../../../server/simulator/index.ts';

export const clientId = 'kasa-test';
export const macKey = 'test-mac-key-0123456789abcdefghij';
export const clients = { [clientId]: macKey };

export interface SignedRequest {
  method: string;
  /** Path and query, sent and signed verbatim, e.g. "/rest/v1/transaction". */
  path: string;
  /** The bytes put on the wire. */
  body?: string;
  /** What the signature covers when it should differ from `body`; null signs as if there were no body. */
  signedBody?: string | null;
  clientId?: string;
  macKey?: string;
  ts?: number;
  nonce?: string;
  /** Replaces the computed header entirely (null sends none). */
  authorization?: string | null;
  signal?: AbortSignal;
}

/** Signs with the project's own signer, over the simulator's clock unless `ts` says otherwise. */
export function signedFetch(sim: RunningSimulator, req: SignedRequest): Promise<Response> {
  const url = `${sim.origin}${req.path}`;
  const signedBody = req.signedBody === undefined ? req.body : (req.signedBody ?? undefined);
  const authorization =
    req.authorization !== undefined
      ? req.authorization
      : signRequest({
          method: req.method,
          url,
          ...(signedBody !== undefined && { body: signedBody }),
          clientId: req.clientId ?? clientId,
          macKey: req.macKey ?? macKey,
          ts: req.ts ?? sim.clock.nowSeconds(),
          nonce: req.nonce ?? generateNonce(),
        });
  const headers: Record<string, string> = {};
  if (authorization !== null) headers.authorization = authorization;
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(url, {
    method: req.method,
    headers,
    ...(req.body !== undefined && { body: req.body }),
    ...(req.signal !== undefined && { signal: req.signal }),
  });
}

export interface JsonReply {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** A correctly signed JSON call; `json` is serialised once and those bytes are both hashed and sent. */
export async function walletCall(sim: RunningSimulator, method: string, path: string, json?: unknown, signal?: AbortSignal): Promise<JsonReply> {
  const response = await signedFetch(sim, { method, path, ...(json !== undefined && { body: JSON.stringify(json) }), ...(signal !== undefined && { signal }) });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>), headers: response.headers };
}

export function createPayment(cents: number, currency = 'EUR', reserveFor = 300): unknown {
  return {
    payments: [{ description: 'Cash withdrawal', price: cents, currency, parameters: { kasa_operation_id: 'op-1' } }],
    reserve: { for: reserveFor },
  };
}

export async function createTransactionKey(sim: RunningSimulator, cents: number, currency = 'EUR', reserveFor = 300): Promise<string> {
  const reply = await walletCall(sim, 'POST', '/rest/v1/transaction', createPayment(cents, currency, reserveFor));
  if (reply.status !== 200) throw new Error(`create failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return String(reply.body.transaction_key);
}
