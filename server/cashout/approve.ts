import type { User } from '../../shared/api.ts';
import type { CashoutRecord } from '../store/types.ts';
import { amendRecord, auditRefusal } from './advance.ts';
import type { Attribution, CashoutContext } from './context.ts';
import { approvalRequired, checkApprover } from './limits.ts';
import { CashoutError } from './types.ts';

/**
 * Records a supervisor's approval of a reserved cash-out at or above the threshold. `approver` has
 * been authenticated with their own password; a refused approver is audited, a repeated approval is a no-op.
 */
export async function approveCashout(ctx: CashoutContext, record: CashoutRecord, by: Attribution, approver: User): Promise<CashoutRecord> {
  if (!approvalRequired(ctx.settings, record.amountCents, record.currency)) throw new CashoutError('WRONG_STATE', 'This amount needs no approval.');
  const rule = checkApprover(record, approver);
  if (!rule.ok) {
    await auditRefusal(ctx, record, by, rule.code);
    throw new CashoutError(rule.code, rule.message);
  }
  if (record.approvedBy !== null) return record;
  return amendRecord(ctx, record, { approvedBy: approver.username }, by, 'approved');
}
