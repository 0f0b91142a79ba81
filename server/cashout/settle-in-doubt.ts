import type { CashoutRecord } from '../store/types.ts';
import type { TransactionStatus } from '../wallet/types.ts';
import type { Attribution, CashoutContext } from './context.ts';
import { isTerminal } from './machine.ts';
import { observe } from './observe.ts';
import { readBackAndObserve } from './readback.ts';

export interface Resend {
  /** The transaction is still where the unanswered write found it: the write never arrived. */
  stillOpen: (status: TransactionStatus) => boolean;
  send: (record: CashoutRecord) => Promise<CashoutRecord>;
}

/**
 * Reads an in_doubt cash-out back with pauses until Paysera answers; any other is returned as it is. A write that plainly never
 * arrived is sent once more when `resend` allows; if Paysera never answers the cash-out is returned
 * still in_doubt.
 */
export async function settleInDoubt(ctx: CashoutContext, record: CashoutRecord, by: Attribution, resend?: Resend): Promise<CashoutRecord> {
  let current = record;
  let resent = false;
  while (current.status === 'in_doubt') {
    const doubtful = current;
    const look = await readBackAndObserve(ctx, doubtful, { observe: (tx) => observe(ctx, doubtful, tx, by), delaysMs: ctx.readBackDelaysMs });
    if (look.kind !== 'observed') return current;
    current = look.record;
    if (resend === undefined || resent || !resend.stillOpen(look.tx.status) || isTerminal(current.status)) return current;
    resent = true;
    current = await resend.send(current);
  }
  return current;
}
