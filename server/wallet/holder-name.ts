import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../log.ts';
import type { CallScope, WalletClient } from './types.ts';

/** The account holder's name behind a reserved transaction, or null when it cannot be had. */
/** `locationId`: the cash-out's Paysera location, which its reads are signed for as its writes are. */
export type HolderNameReader = (transactionKey: string, locationId?: string | null) => Promise<string | null>;

/** Two reads within this, or no name: the cashier and the queue do not wait on a courtesy. */
export const defaultHolderNameBudgetMs = 2000;

/**
 * Reads the transaction for its wallet id, then the wallet for its holder's name (wallet-api.md §9).
 * Any refusal, failure or slowness gives null: the name helps the cashier, it never stops or holds
 * up a payout. The name is returned to the caller only, and the warning names the failure, never
 * the person.
 */
export function createHolderNameReader(
  wallet: Pick<WalletClient, 'getTransaction' | 'getWallet'>,
  log: Pick<Logger, 'warn'>,
  budgetMs = defaultHolderNameBudgetMs,
): HolderNameReader {
  async function read(transactionKey: string, scope: CallScope): Promise<string | null> {
    const transaction = await wallet.getTransaction(transactionKey, { retry: false, ...scope });
    if (transaction.walletId === undefined) return null;
    return (await wallet.getWallet(transaction.walletId, scope)).holderName;
  }

  return async (transactionKey, locationId = null) => {
    const timeout = new AbortController();
    try {
      const late = delay(budgetMs, 'late' as const, { signal: timeout.signal, ref: false });
      const name = await Promise.race([read(transactionKey, { locationId }), late]);
      if (name !== 'late') return name;
      log.warn({ budgetMs }, 'account holder name not available in time');
      return null;
    } catch (error) {
      log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'account holder name not available');
      return null;
    } finally {
      timeout.abort();
    }
  };
}
