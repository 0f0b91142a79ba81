import { z } from 'zod';
import { transactionStatuses } from './types.ts';
import type { WalletAccount, WalletPayment, WalletTransaction } from './types.ts';

/*
 * Paysera's response bodies. Objects are not strict: Paysera adds fields freely (wallet-api.md
 * §4.2), and only the fields Kasa reads are checked. Optional fields are omitted, never null.
 */

const unixSeconds = z.number().int().nonnegative();

/** PHP encodes an empty `parameters` map as `[]`, so anything goes here; only our own id is read. */
const paymentParameters = z.unknown().transform((value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const operationId: unknown = (value as Record<string, unknown>).kasa_operation_id;
  return typeof operationId === 'string' ? operationId : undefined;
});

const paymentSchema = z.object({
  id: z.union([z.number(), z.string()]).optional(),
  price: z.number().int().nonnegative(),
  currency: z.string().min(1),
  status: z.string().optional(),
  parameters: paymentParameters.optional(),
});

export const transactionSchema = z
  .object({
    transaction_key: z.string().min(1),
    status: z.enum(transactionStatuses),
    created_at: unixSeconds,
    confirmed_at: unixSeconds.optional(),
    type: z.string().optional(),
    wallet: z.number().int().optional(),
    payments: z.array(paymentSchema).default([]),
  })
  .transform((t): WalletTransaction => {
    const payments = t.payments.map(
      (p): WalletPayment => ({
        priceCents: p.price,
        currency: p.currency,
        ...(p.id !== undefined && { id: p.id }),
        ...(p.status !== undefined && { status: p.status }),
      }),
    );
    const operationId = t.payments[0]?.parameters;
    return {
      key: t.transaction_key,
      status: t.status,
      createdAt: t.created_at,
      payments,
      ...(t.confirmed_at !== undefined && { confirmedAt: t.confirmed_at }),
      ...(t.type !== undefined && { type: t.type }),
      ...(t.wallet !== undefined && { walletId: t.wallet }),
      ...(operationId !== undefined && { operationId }),
    };
  });

export const transactionListSchema = z.object({ transactions: z.array(transactionSchema) }).transform((l) => l.transactions);

/**
 * `GET /wallet/{id}` (wallet-api.md §9). Paysera leaves `owner_display_name` out for a client
 * without the wallet_list permission, so its absence is an answer, not a malformed body.
 */
export const walletSchema = z
  .object({
    id: z.number().int(),
    account: z.object({ owner_display_name: z.string().optional() }).optional(),
  })
  .transform((w): WalletAccount => {
    const name = w.account?.owner_display_name?.trim();
    return { id: w.id, holderName: name === undefined || name === '' ? null : name };
  });

export const serverTimeSchema = z.object({ time: unixSeconds }).transform((s) => s.time);

export const errorBodySchema = z.object({
  error: z.string().min(1),
  error_description: z.string().optional(),
});
