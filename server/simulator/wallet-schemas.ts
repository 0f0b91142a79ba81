import { z } from 'zod';
import { parseAmount } from '../../shared/money.ts';
import { transactionStatuses } from '../wallet/types.ts';

const currency = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO currency code');

const payment = z
  .object({
    description: z.string().min(1, 'is required'),
    price: z.number().int('must be integer cents').positive().max(Number.MAX_SAFE_INTEGER).optional(),
    price_decimal: z.string().optional(),
    currency,
    parameters: z.record(z.string(), z.unknown()).optional(),
  })
  .transform((p, ctx) => {
    let price: number;
    if (p.price !== undefined && p.price_decimal === undefined) {
      price = p.price;
    } else if (p.price === undefined && p.price_decimal !== undefined) {
      const parsed = parseAmount(p.price_decimal);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', path: ['price_decimal'], message: parsed.reason });
        return z.NEVER;
      }
      price = parsed.cents;
    } else {
      ctx.addIssue({ code: 'custom', path: ['price'], message: 'give exactly one of price and price_decimal' });
      return z.NEVER;
    }
    return {
      description: p.description,
      price,
      currency: p.currency,
      ...(p.parameters !== undefined && { parameters: p.parameters }),
    };
  });

/** Only the example reserve length is documented (30 days); a transaction without `reserve` gets it. */
export const defaultReserveSeconds = 2_592_000;

export const createTransactionSchema = z.object({
  payments: z
    .array(payment)
    .min(1, 'at least one payment is required')
    .refine((ps) => ps.every((p) => p.currency === ps[0]?.currency), 'all payments must share one currency in the simulator'),
  reserve: z.strictObject({ for: z.number().int().positive() }).optional(),
});

export const reserveSchema = z.object({ code: z.string() });

/** PHP sends `[]`, JAVA nothing; price changes on confirm are not simulated. */
export const confirmSchema = z.union([z.array(z.never()).length(0), z.strictObject({})]);

const unixSeconds = z.coerce.number().int().nonnegative();

export const listQuerySchema = z.object({
  status: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(transactionStatuses)))
    .optional(),
  wallet: z.coerce.number().int().positive().optional(),
  from: unixSeconds.optional(),
  to: unixSeconds.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().nonnegative().default(0),
});
