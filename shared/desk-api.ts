import { z } from 'zod';
import { amountString, cashoutStatuses, roles } from './api.ts';
import { currencies, parseCount } from './money.ts';

/** Schemas and types of the cash desk's routes (../shared/design.md §3.1): locations, accounts, shifts, Z-reports. */

/** A count of cash, where zero is a valid count (an empty drawer, nothing counted at close). */
export const countString = z.string().max(32).superRefine((value, ctx) => {
  const parsed = parseCount(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
});

export const cashCount = z.strictObject({ amount: countString, currency: z.enum(currencies) });
export type CashCount = z.infer<typeof cashCount>;

/** One entry per currency; a currency left out counts as zero. */
export const cashCounts = z
  .array(cashCount)
  .max(currencies.length)
  .refine((list) => new Set(list.map((entry) => entry.currency)).size === list.length, 'Name each currency once.');

/** An amount that may be below zero, as a difference between expected and counted cash is: "-12.50". */
export const signedCash = z.object({ amount: z.string().regex(/^-?\d+\.\d{2}$/), currency: z.enum(currencies) });
export type SignedCash = z.infer<typeof signedCash>;

const locationName = z.string().trim().min(1, 'Enter a name.').max(80, 'A name has at most 80 characters.');
/** Paysera's id of the location, sent as `location_id` in the MAC `ext`: printable ASCII, no spaces. */
const payseraLocationId = z
  .string()
  .trim()
  .min(1, 'Enter the Paysera location id, or leave it out.')
  .max(64)
  .regex(/^[\x21-\x7e]+$/, 'A Paysera location id has no spaces or accents.');

export const location = z.object({
  id: z.string(),
  name: z.string(),
  payseraLocationId: z.string().nullable(),
  disabled: z.boolean(),
});
export type Location = z.infer<typeof location>;

export const createLocationRequest = z.strictObject({ name: locationName, payseraLocationId: payseraLocationId.optional() });
export type CreateLocationRequest = z.infer<typeof createLocationRequest>;

/** `payseraLocationId: null` clears it (the location's calls then carry PAYSERA_LOCATION_ID, if set). */
export const updateLocationRequest = z
  .strictObject({ name: locationName.optional(), payseraLocationId: payseraLocationId.nullable().optional(), disabled: z.boolean().optional() })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), 'Name at least one field to change.');
export type UpdateLocationRequest = z.infer<typeof updateLocationRequest>;

export const locationsResponse = z.object({ locations: z.array(location) });
export type LocationsResponse = z.infer<typeof locationsResponse>;
export const locationResponse = z.object({ location });

const newPassword = z.string().min(10, 'A password has at least 10 characters.').max(256, 'A password has at most 256 characters.');

export const account = z.object({ username: z.string(), role: z.enum(roles), disabled: z.boolean(), createdAt: z.string() });
export type Account = z.infer<typeof account>;

export const createUserRequest = z.strictObject({
  username: z.string().trim().min(1, 'Enter a username.').max(64),
  role: z.enum(roles),
  password: newPassword,
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

/** `disabled: true` signs the account out everywhere; a new password does too. */
export const updateUserRequest = z
  .strictObject({ role: z.enum(roles).optional(), password: newPassword.optional(), disabled: z.boolean().optional() })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), 'Name at least one field to change.');
export type UpdateUserRequest = z.infer<typeof updateUserRequest>;

export const usersResponse = z.object({ users: z.array(account) });
export type UsersResponse = z.infer<typeof usersResponse>;
export const userResponse = z.object({ user: account });

export const shiftStatuses = ['open', 'closing', 'closed'] as const;
export type ShiftStatus = (typeof shiftStatuses)[number];

export const openShiftRequest = z.strictObject({ locationId: z.string().min(1).max(64), float: cashCounts });
export type OpenShiftRequest = z.infer<typeof openShiftRequest>;

export const movementKinds = ['pay_in', 'drop'] as const;
export type MovementKind = (typeof movementKinds)[number];

export const movementRequest = z.strictObject({
  kind: z.enum(movementKinds),
  amount: amountString,
  currency: z.enum(currencies),
  reason: z.string().trim().min(1, 'Say why the cash moved.').max(200, 'A reason has at most 200 characters.'),
});
export type MovementRequest = z.infer<typeof movementRequest>;

export const closeShiftRequest = z.strictObject({ counted: cashCounts });
export type CloseShiftRequest = z.infer<typeof closeShiftRequest>;

const cash = z.object({ amount: z.string(), currency: z.enum(currencies) });

export const shift = z.object({
  id: z.string(),
  locationId: z.string(),
  locationName: z.string(),
  cashier: z.string(),
  status: z.enum(shiftStatuses),
  openedAt: z.string(),
  /** When the count was entered; null while open. */
  closedAt: z.string().nullable(),
  float: z.array(cash),
  /** While open: float + pay-ins − drops − confirmed payouts now; once counted: as it was at the count. */
  expected: z.array(cash),
  /** Expected cash less the payouts of the shift still in flight: what a new payout may take. */
  available: z.array(cash),
  counted: z.array(cash).nullable(),
  /** counted − expected per currency; below zero when cash is missing. */
  difference: z.array(signedCash).nullable(),
  needsSignOff: z.boolean(),
  signedOffBy: z.string().nullable(),
  signedOffAt: z.string().nullable(),
});
export type Shift = z.infer<typeof shift>;

export const currentShiftResponse = z.object({ shift: shift.nullable() });
export type CurrentShiftResponse = z.infer<typeof currentShiftResponse>;
export const shiftResponse = z.object({ shift });
export type ShiftResponse = z.infer<typeof shiftResponse>;

export const closeShiftResponse = z.object({
  shift,
  expected: z.array(cash),
  counted: z.array(cash),
  difference: z.array(signedCash),
  needsSignOff: z.boolean(),
});
export type CloseShiftResponse = z.infer<typeof closeShiftResponse>;

export const shiftsResponse = z.object({ date: z.string(), shifts: z.array(shift) });
export type ShiftsResponse = z.infer<typeof shiftsResponse>;

export const movement = z.object({
  id: z.string(),
  kind: z.enum(movementKinds),
  amount: z.string(),
  currency: z.enum(currencies),
  reason: z.string(),
  at: z.string(),
  actor: z.string(),
});
export type Movement = z.infer<typeof movement>;

export const reportCashout = z.object({
  id: z.string(),
  createdAt: z.string(),
  amount: z.string(),
  currency: z.enum(currencies),
  transactionKey: z.string().nullable(),
  status: z.enum(cashoutStatuses),
});
export type ReportCashout = z.infer<typeof reportCashout>;

/** The Z-report of one shift: everything that moved cash in or out of its drawer, and the count. */
export const zReport = z.object({ shift, movements: z.array(movement), cashouts: z.array(reportCashout) });
export type ZReport = z.infer<typeof zReport>;
