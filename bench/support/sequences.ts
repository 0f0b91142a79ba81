import { randomUUID } from 'node:crypto';
import type autocannon from 'autocannon';
import { generateNonce, signRequest } from '../../server/wallet/mac.ts';
import type { SequenceStep } from './load.ts';

/** The three requests of one cash-out, in the shapes the Kasa API and the Wallet API take them. */

export const cashoutAmount = '1.00';
const cashoutCents = 100;

/** Create → reserve → confirm through Kasa's HTTP API; each reserve takes the next code from `codes`. */
export function kasaCashout(codes: string[]): SequenceStep[] {
  return [
    {
      name: 'create',
      method: 'POST',
      path: '/api/cashouts',
      body: JSON.stringify({ amount: cashoutAmount, currency: 'EUR' }),
      onResponse(status, body, context) {
        if (status === 201) context.id = (JSON.parse(body) as { id: string }).id;
      },
    },
    {
      name: 'reserve',
      method: 'POST',
      setupRequest(request, context) {
        const code = typeof context.id === 'string' ? codes.pop() : undefined;
        if (code === undefined) return null;
        return { ...request, path: `/api/cashouts/${context.id}/reserve`, body: JSON.stringify({ code }) };
      },
      onResponse(status, _body, context) {
        context.reserved = status === 200;
      },
    },
    {
      name: 'confirm',
      method: 'POST',
      body: JSON.stringify({ identityChecks: ['document', 'photo'] }),
      setupRequest: (request, context) => (context.reserved === true ? { ...request, path: `/api/cashouts/${context.id}/confirm` } : null),
    },
  ];
}

/**
 * The same cash-out straight against the Wallet API stand-in, MAC-signed per request: the simulator
 * refuses a replayed nonce, so every send gets a fresh signature.
 */
export function walletCashout(origin: string, client: { clientId: string; macKey: string }, codes: string[]): SequenceStep[] {
  const signed = (request: autocannon.RequestData, method: string, path: string, body?: string): autocannon.RequestData => ({
    ...request,
    method,
    path,
    ...(body !== undefined && { body }),
    headers: {
      accept: 'application/json',
      ...(body !== undefined && { 'content-type': 'application/json' }),
      authorization: signRequest({ method, url: `${origin}${path}`, body, ...client, ts: Math.floor(Date.now() / 1000), nonce: generateNonce() }),
    },
  });
  return [
    {
      name: 'create',
      setupRequest: (request) =>
        signed(
          request,
          'POST',
          '/rest/v1/transaction',
          JSON.stringify({
            payments: [{ description: 'Cash withdrawal', price: cashoutCents, currency: 'EUR', parameters: { kasa_operation_id: randomUUID() } }],
            reserve: { for: 300 },
          }),
        ),
      onResponse(status, body, context) {
        if (status === 200) context.key = (JSON.parse(body) as { transaction_key: string }).transaction_key;
      },
    },
    {
      name: 'reserve',
      setupRequest(request, context) {
        const code = typeof context.key === 'string' ? codes.pop() : undefined;
        if (code === undefined) return null;
        return signed(request, 'PUT', `/rest/v1/transaction/${encodeURIComponent(String(context.key))}/reserve`, JSON.stringify({ code }));
      },
      onResponse(status, _body, context) {
        context.reserved = status === 200;
      },
    },
    {
      name: 'confirm',
      setupRequest: (request, context) =>
        context.reserved === true ? signed(request, 'PUT', `/rest/v1/transaction/${encodeURIComponent(String(context.key))}/confirm`) : null,
    },
  ];
}
