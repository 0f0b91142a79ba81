import type { CashoutRecord } from '../store/types.ts';
import type { WalletTransaction } from '../wallet/types.ts';
import type { CashoutContext } from './context.ts';
import { callWallet, scopeOf } from './wallet-call.ts';

export type CreatedLookup = { kind: 'found'; tx: WalletTransaction } | { kind: 'absent' } | { kind: 'unknown' };

const pageSize = 200;
const maxPages = 25;
/** Paysera's clock and ours may differ; look a little before the cash-out was created. */
const lookBehindSeconds = 600;

/** Finds the `new` transaction a create in doubt may have left, by the operation id sent with it. */
export async function findCreated(ctx: CashoutContext, record: CashoutRecord): Promise<CreatedLookup> {
  const from = Math.floor(record.createdAt / 1000) - lookBehindSeconds;
  for (let page = 0; page < maxPages; page += 1) {
    const outcome = await callWallet(() => ctx.wallet.listTransactions({ status: ['new'], from, limit: pageSize, offset: page * pageSize }, scopeOf(record)));
    if (outcome.kind !== 'done') {
      const reason = outcome.kind === 'refused' ? outcome.error.walletError : outcome.reason;
      ctx.log.warn({ cashoutId: record.id, reason }, 'looking up a cash-out\'s transaction failed');
      return { kind: 'unknown' };
    }
    const tx = outcome.value.find((candidate) => candidate.operationId === record.id);
    if (tx) return { kind: 'found', tx };
    if (outcome.value.length < pageSize) return { kind: 'absent' };
  }
  return { kind: 'unknown' };
}
