import type { RunningSimulator, TransactionView } from '../../../server/simulator/index.ts';

/** A fresh simulator wallet holding `cents` EUR and a reservation code for it. */
export function walletWithCode(simulator: RunningSimulator, cents: number, ttlSeconds?: number): { walletId: number; code: string } {
  const walletId = simulator.state.createWallet({ EUR: cents });
  return { walletId, code: simulator.state.issueCode(walletId, ttlSeconds).code };
}

/** The one transaction reserved against this wallet (each test uses its own wallet). */
export function transactionOf(simulator: RunningSimulator, walletId: number): TransactionView | undefined {
  return simulator.state.transactions().find((transaction) => transaction.walletId === walletId);
}

export function latestTransaction(simulator: RunningSimulator): TransactionView | undefined {
  return simulator.state.transactions().at(-1);
}
