import type { Logger } from '../log.ts';
import type { WalletClient } from './types.ts';

/** The account holder's name behind a reserved transaction, or null when it cannot be had. */
export type HolderNameReader = (transactionKey: string) => Promise<string | null>;

/**
 * Reads the transaction for its wallet id, then the wallet for its holder's name (wallet-api.md §9).
 * Any refusal or failure gives null: the name helps the cashier, it never stops a payout. The name
 * is returned to the caller only, and the warning names the failure, never the person.
 */
export function createHolderNameReader(wallet: Pick<WalletClient, 'getTransaction' | 'getWallet'>, log: Pick<Logger, 'warn'>): HolderNameReader {
  return async (transactionKey) => {
    try {
      const transaction = await wallet.getTransaction(transactionKey, { retry: false });
      if (transaction.walletId === undefined) return null;
      return (await wallet.getWallet(transaction.walletId)).holderName;
    } catch (error) {
      log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'account holder name not available');
      return null;
    }
  };
}
