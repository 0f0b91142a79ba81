import type { IdentityCheck, Role, User } from '../../shared/api.ts';
import type { Currency } from '../../shared/money.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import type { CurrencyLimits } from '../currency-limits.ts';
import type { CashoutRecord } from '../store/types.ts';

/** Limits and timings the cash-out workflow runs under (from configuration). */
export interface CashoutSettings {
  /** The accepted currencies, each with its per-transaction limit, approval threshold and daily cap. */
  limits: readonly CurrencyLimits[];
  reserveSeconds: number;
  maxCodeAttempts: number;
  /**
   * A create that timed out may still land at Paysera later; it is judged absent only after this
   * long, so its transaction cannot turn up with nobody left to revoke it.
   */
  createGraceMs: number;
  /** How long a write cut short by a dead instance may still be arriving at Paysera (see cut-short.ts). */
  writeGraceMs: number;
}

/** A refusal or failure of the workflow, with the code the HTTP layer maps to a status. */
export class CashoutError extends Error {
  override readonly name = 'CashoutError';
  constructor(
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? code);
  }
}

/** The Paysera transaction a step works on; every cash-out whose create has settled has one. */
export function transactionKeyOf(record: Pick<CashoutRecord, 'transactionKey'>): string {
  if (record.transactionKey === null) throw new CashoutError('WRONG_STATE', 'This cash-out has no Paysera transaction.');
  return record.transactionKey;
}

export type Actor = User;

export const approverRoles: readonly Role[] = ['supervisor', 'admin'];

/**
 * The workflow as the HTTP layer calls it. Every method checks that the actor may act on the
 * cash-out (a cashier only on their own; supervisor and admin on any) and throws CashoutError.
 */
export interface CashoutService {
  create(actor: Actor, input: { amountCents: number; currency: Currency }): Promise<CashoutRecord>;
  /** Reads the cash-out; an in_doubt one is reconciled with Paysera first. */
  get(actor: Actor, id: string): Promise<CashoutRecord>;
  /** Takes the raw code as typed or scanned; normalises it and forgets it after the call. */
  reserve(actor: Actor, id: string, rawCode: string): Promise<CashoutRecord>;
  /** `approver` has already been authenticated with their own password by the caller. */
  approve(actor: Actor, id: string, approver: User): Promise<CashoutRecord>;
  /** `identityChecks` are the checks the cashier ticked; all are required and go into the audit trail. */
  confirm(actor: Actor, id: string, identityChecks: readonly IdentityCheck[]): Promise<CashoutRecord>;
  cancel(actor: Actor, id: string): Promise<CashoutRecord>;
  /** Cash-outs created on a local calendar day [from, to); a cashier sees only their own. */
  list(actor: Actor, from: number, to: number): Promise<CashoutRecord[]>;
  /** One pass of the sweeper: resolves in_doubt/pending cash-outs and revokes holds past their time. */
  sweep(): Promise<{ resolved: number; revoked: number }>;
}
