import type { CashoutRecord } from '../store/types.ts';
import type { WalletTransaction } from '../wallet/types.ts';
import { advance } from './advance.ts';
import type { RecordPatch } from './advance.ts';
import type { Attribution, CashoutContext } from './context.ts';
import { statusForWalletStatus } from './machine.ts';
import { revokeWith } from './revoke.ts';
import { confirmedAtOf, matchesCashout } from './transaction-rules.ts';

/** Applies the transaction's status as read back; a reservation still being checked is checked here. */
export async function observe(ctx: CashoutContext, record: CashoutRecord, tx: WalletTransaction, by: Attribution): Promise<CashoutRecord> {
  if (record.pending === 'reserve' && tx.status === 'reserved' && !matchesCashout(tx, record)) {
    return revokeWith(ctx, record, 'amount_mismatch', by, { patch: { errorCode: 'AMOUNT_MISMATCH' } });
  }
  const next = statusForWalletStatus[tx.status];
  const patch: RecordPatch = { pending: null };
  if (next === 'confirmed') patch.confirmedAt = confirmedAtOf(tx, ctx.now());
  if (next === 'created') patch.expiresAt = null;
  // Without a recorded expiry, the hold started no earlier than the record's last write.
  if (next === 'reserved' && record.expiresAt === null) patch.expiresAt = record.updatedAt + ctx.settings.reserveSeconds * 1000;
  if (next === 'failed') patch.errorCode = record.errorCode ?? 'WALLET_REJECTED';
  return advance(ctx, record, { type: 'observed', walletStatus: tx.status }, by, { patch });
}
