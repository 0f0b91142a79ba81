import { StaleCashoutError } from '../store/errors.ts';
import type { AuditInput, CashoutRecord, PendingOperation } from '../store/types.ts';
import type { Attribution, CashoutContext } from './context.ts';
import { isTerminal, transition } from './machine.ts';
import type { CashoutEvent } from './machine.ts';
import { CashoutError } from './types.ts';

export type RecordPatch = Partial<Omit<CashoutRecord, 'id' | 'status' | 'updatedAt'>>;

export interface AdvanceOptions {
  patch?: RecordPatch;
  /** What the audit event records as the outcome; the new status unless a refusal code says more. */
  outcome?: string;
  walletError?: string | null;
}

/** An audit event to append with a write: who, under which action, and what it records. */
export interface AuditNote {
  by: Attribution;
  outcome: string;
}

function auditFor(record: CashoutRecord, by: Attribution, outcome: string, walletError: string | null): AuditInput {
  return {
    actor: by.actor,
    action: by.action,
    cashoutId: record.id,
    amountCents: record.amountCents,
    currency: record.currency,
    transactionKey: record.transactionKey,
    outcome,
    walletError,
  };
}

/**
 * Every write of a step is made against the status the step read: the per-cash-out lock keeps one
 * process from racing itself, and this keeps a second writer (another process on the same data
 * dir) from having its step recorded over a status it never saw.
 */
async function write(ctx: CashoutContext, record: CashoutRecord, patch: Partial<Omit<CashoutRecord, 'id'>>, audit?: AuditInput): Promise<CashoutRecord> {
  try {
    return await ctx.store.updateCashout(record.id, patch, audit, record.status);
  } catch (error) {
    if (error instanceof StaleCashoutError) throw new CashoutError('WRONG_STATE', `This cash-out is now ${error.actual.replace('_', ' ')}; reload it.`);
    throw error;
  }
}

/** The only way a cash-out's status changes: through the machine, persisted with its audit event. */
export async function advance(
  ctx: CashoutContext,
  record: CashoutRecord,
  event: CashoutEvent,
  by: Attribution,
  options: AdvanceOptions = {},
): Promise<CashoutRecord> {
  const result = transition(record.status, event);
  if (!result.ok) throw new CashoutError('WRONG_STATE', `A ${record.status.replace('_', ' ')} cash-out cannot take this step.`);
  const changed = { ...record, ...options.patch, status: result.next };
  const failure = changed.status === 'failed' ? changed.errorCode : null;
  const audit = auditFor(changed, by, options.outcome ?? failure ?? result.next, options.walletError ?? null);
  const written = await write(ctx, record, { ...options.patch, status: result.next, updatedAt: ctx.now() }, audit);
  if (isTerminal(written.status) && !isTerminal(record.status)) ctx.onFinalStatus(written.status);
  return written;
}

/**
 * Records a Wallet write as sent before sending it, so a crash leaves a trace the sweeper can follow.
 * `announce` goes into the audit trail in the same transaction, for what is attested as the write goes out.
 */
export async function writeAhead(
  ctx: CashoutContext,
  record: CashoutRecord,
  pending: PendingOperation,
  options: { patch?: RecordPatch; announce?: AuditNote } = {},
): Promise<CashoutRecord> {
  const { patch = {}, announce } = options;
  const audit = announce === undefined ? undefined : auditFor({ ...record, ...patch }, announce.by, announce.outcome, null);
  return write(ctx, record, { ...patch, pending, updatedAt: ctx.now() }, audit);
}

/** A change that leaves the status alone (an approval, a settled follow-up call), still audited. */
export async function amendRecord(
  ctx: CashoutContext,
  record: CashoutRecord,
  patch: RecordPatch,
  by: Attribution,
  outcome: string,
  walletError: string | null = null,
): Promise<CashoutRecord> {
  const audit = auditFor({ ...record, ...patch }, by, outcome, walletError);
  return write(ctx, record, { ...patch, updatedAt: ctx.now() }, audit);
}

export async function auditRefusal(ctx: CashoutContext, record: CashoutRecord, by: Attribution, outcome: string): Promise<void> {
  await ctx.store.appendAudit(auditFor(record, by, outcome, null));
}
