import { z } from 'zod';
import { currencies, parseAmount } from './money.ts';
import { maxCodeLength } from './code.ts';
import { errorCodes } from './errors.ts';

/** Schemas and types of the server's HTTP API (../shared/design.md §3): the PWA and the server both use them. */

export const roles = ['cashier', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];

export const cashoutStatuses = ['created', 'reserved', 'confirmed', 'cancelled', 'expired', 'failed', 'in_doubt'] as const;
export type CashoutStatus = (typeof cashoutStatuses)[number];

const username = z.string().trim().min(1, 'Enter a username.').max(64);
const password = z.string().min(1, 'Enter a password.').max(256);

export const loginRequest = z.strictObject({ username, password });
export type LoginRequest = z.infer<typeof loginRequest>;

export const approveRequest = loginRequest;
export type ApproveRequest = LoginRequest;

export const amountString = z.string().max(32).superRefine((value, ctx) => {
  const parsed = parseAmount(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
});

export const createCashoutRequest = z.strictObject({
  amount: amountString,
  /** Without it, the server's default: the first of its accepted currencies. */
  currency: z.enum(currencies).optional(),
});
export type CreateCashoutRequest = z.input<typeof createCashoutRequest>;

export const reserveRequest = z.strictObject({ code: z.string().max(maxCodeLength * 4) });
export type ReserveRequest = z.infer<typeof reserveRequest>;

/** What the cashier checks of the customer before handing out cash; every one is required. */
export const identityChecks = ['document', 'photo'] as const;
export type IdentityCheck = (typeof identityChecks)[number];

/** The required checks the list lacks; a confirm may go out only when none is missing. */
export function missingIdentityChecks(ticked: readonly IdentityCheck[]): IdentityCheck[] {
  return identityChecks.filter((check) => !ticked.includes(check));
}

export const confirmRequest = z.strictObject({
  identityChecks: z
    .array(z.enum(identityChecks, { error: 'Unknown identity check.' }), { error: 'Check the customer\'s identity first.' })
    .max(identityChecks.length, 'Name each identity check once.')
    .refine((ticked) => missingIdentityChecks(ticked).length === 0, 'Check the customer\'s identity first.'),
});
export type ConfirmRequest = z.infer<typeof confirmRequest>;

export const dateQuery = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-26.');

export const user = z.object({ username: z.string(), role: z.enum(roles) });
export type User = z.infer<typeof user>;

export const sessionResponse = z.object({ user });
export type SessionResponse = z.infer<typeof sessionResponse>;

/** `GET /api/session`: nobody signed in is an answer, not an error, so a signed-out start logs no 401. */
export const currentSessionResponse = z.object({ user: user.nullable() });
export type CurrentSessionResponse = z.infer<typeof currentSessionResponse>;

export const currencyLimits = z.object({
  currency: z.enum(currencies),
  maxAmount: z.string(),
  supervisorThreshold: z.string(),
  dailyCap: z.string().nullable(),
});
export type CurrencyLimits = z.infer<typeof currencyLimits>;

export const configResponse = z.object({
  /** The limits of the default currency; `limits` has those of every accepted currency. */
  maxAmount: z.string(),
  supervisorThreshold: z.string(),
  /** Only the accepted ones, the default first. */
  currencies: z.array(z.enum(currencies)),
  defaultCurrency: z.enum(currencies),
  limits: z.array(currencyLimits),
  reserveSeconds: z.number().int(),
  maxCodeAttempts: z.number().int(),
  demo: z.boolean(),
  /** SHOP_NAME: the shop and location a receipt names; null when not configured. */
  shopName: z.string().nullable(),
  /** REQUIRE_SHIFT: payouts only inside an open shift. */
  requireShift: z.boolean(),
  /** TILL_TOLERANCE: a difference at close up to this needs no supervisor's sign-off. */
  tillTolerance: z.string(),
});
export type ConfigResponse = z.infer<typeof configResponse>;

export const apiError = z.object({ code: z.enum(errorCodes as [string, ...string[]]), message: z.string(), action: z.string() });

export const cashout = z.object({
  id: z.string(),
  status: z.enum(cashoutStatuses),
  amount: z.string(),
  currency: z.enum(currencies),
  transactionKey: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  cashier: z.string(),
  approvalRequired: z.boolean(),
  approvedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  attemptsLeft: z.number().int(),
  error: apiError.optional(),
  /**
   * The account holder's name as Paysera shows it, read live for a reserved cash-out's own read
   * and reserve answers only; null when Paysera does not tell. Never stored, on either side.
   */
  holderName: z.string().nullable().optional(),
});
export type Cashout = z.infer<typeof cashout>;

export const total = z.object({ currency: z.enum(currencies), count: z.number().int(), amount: z.string() });
export type Total = z.infer<typeof total>;

export const historyResponse = z.object({ date: z.string(), cashouts: z.array(cashout), totals: z.array(total) });
export type HistoryResponse = z.infer<typeof historyResponse>;

export const dailyReport = z.object({
  date: z.string(),
  rows: z.array(total.extend({ cashier: z.string() })),
  totals: z.array(total),
});
export type DailyReport = z.infer<typeof dailyReport>;

export const auditEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  cashoutId: z.string().nullable(),
  amount: z.string().nullable(),
  currency: z.string().nullable(),
  transactionKey: z.string().nullable(),
  outcome: z.string(),
  walletError: z.string().nullable(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEvent>;

const auditHead = z.object({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) });

/** `?seq=…&hash=…`: a head recorded earlier, which must still be in the chain (both or neither). */
export const auditAnchorQuery = z.union([
  z.object({
    seq: z.string().regex(/^[1-9]\d{0,15}$/, 'seq is a row number like 1234.').transform(Number),
    hash: z.string().regex(/^[0-9a-f]{64}$/, 'hash is the 64 lower-case hex digits of a row hash.'),
  }),
  z.object({ seq: z.undefined(), hash: z.undefined() }).transform(() => undefined),
]);

/** The most events one page of `GET /api/audit` holds, and its default size. */
export const auditPageMax = 1000;
export const auditPageDefault = 200;

/** `?after=…&limit=…`: the page after seq `after` (the previous page's `next`), of `limit` events. */
export const auditPageQuery = z.object({
  after: z
    .string()
    .regex(/^\d{1,16}$/, 'after is the next value of the previous page, like 1234.')
    .transform(Number)
    .default(0),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, `limit is a number of events from 1 to ${auditPageMax}.`)
    .transform(Number)
    .refine((limit) => limit >= 1 && limit <= auditPageMax, `limit is a number of events from 1 to ${auditPageMax}.`)
    .default(auditPageDefault),
});

export const auditPageResponse = z.object({
  from: z.string(),
  to: z.string(),
  events: z.array(auditEvent),
  /** Pass as `after` for the next page (which may be empty); null when this page came back short, so nothing follows. */
  next: z.number().int().nullable(),
});
export type AuditPageResponse = z.infer<typeof auditPageResponse>;

export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  /** The first row checked: 1, or the anchor's row when `seq` and `hash` were given. */
  from: z.number().int(),
  count: z.number().int(),
  firstBadSeq: z.number().int().nullable(),
  head: auditHead.nullable(),
  anchor: z.enum(['matches', 'missing', 'differs']).optional(),
});
export type AuditVerifyResponse = z.infer<typeof auditVerifyResponse>;

export const healthResponse = z.object({
  ok: z.boolean(),
  mode: z.enum(['demo', 'live']),
  wallet: z.object({ reachable: z.boolean(), clockOffsetSeconds: z.number() }),
  /** latencyMs: one round trip, null when the database cannot be reached (the route then answers 503). */
  database: z.object({ reachable: z.boolean(), latencyMs: z.number().nullable() }),
});
export type HealthResponse = z.infer<typeof healthResponse>;
