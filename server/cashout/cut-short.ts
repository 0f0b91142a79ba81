import type { CashoutRecord } from '../store/types.ts';
import type { CashoutContext } from './context.ts';
import { CashoutError } from './types.ts';

/**
 * A Wallet write announced (`pending`) with no outcome recorded, not even `in_doubt`, was cut short
 * where it was sent: the instance holding the cash-out's lock died mid-call. Paysera may still be
 * working on it, so until `writeGraceMs` after it was written nothing else is sent for the cash-out;
 * otherwise the instance taking it over could have a second write in flight beside the first.
 */
export function mayStillArrive(ctx: Pick<CashoutContext, 'now' | 'settings'>, record: CashoutRecord): boolean {
  return record.pending !== null && record.status !== 'in_doubt' && ctx.now() - record.updatedAt < ctx.settings.writeGraceMs;
}

export function refuseWhileArriving(): never {
  throw new CashoutError('WALLET_UNAVAILABLE', 'An earlier request for this cash-out may still be reaching Paysera. Try again in a few seconds.');
}
