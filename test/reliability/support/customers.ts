import type { SimulatorState } from '../../../server/simulator/index.ts';
import type { Random } from './random.ts';

/**
 * The customers' side: simulator wallets and the reservation codes they hand the cashier. Every
 * code that goes to the server is remembered here, so the at-rest checks can search for it.
 */

export const richWalletCents = 100_000_000_00;
export const poorWalletCents = 1_00;

export interface Customers {
  richWallets: readonly number[];
  poorWallet: number;
  /** Every wallet with the EUR balance it started with. */
  startBalances: ReadonlyMap<number, number>;
  validCode(walletId: number): string;
  /** A code Paysera never issued. */
  invalidCode(): string;
  /** A code that was issued and has run out. */
  expiredCode(): string;
  /** Every code handed out so far, valid or not. */
  readonly codesUsed: readonly string[];
  /** Each wallet's holder's name, one of a kind, so the at-rest checks can search for it like a code. */
  holderNames: readonly string[];
}

/** With Lithuanian letters, so a name stored in another encoding would still be found. */
function holderNameOf(index: number, random: Random): string {
  return `Žydrūnė Holderienė-${index}-${random.int(100_000, 999_999)}`;
}

/** Short-lived codes are issued up front and the simulator clock is awaited past them once. */
async function issueExpiredCodes(state: SimulatorState, walletId: number, count: number, nowSeconds: () => number): Promise<string[]> {
  const codes = Array.from({ length: count }, () => state.issueCode(walletId, 1));
  const latest = Math.max(0, ...codes.map((code) => code.expiresAt));
  while (nowSeconds() < latest) await new Promise((resolve) => setTimeout(resolve, 100));
  return codes.map((code) => code.code);
}

export async function createCustomers(
  simulator: { state: SimulatorState; clock: { nowSeconds(): number } },
  random: Random,
  options: { richWallets: number; expiredCodes: number },
): Promise<Customers> {
  const { state } = simulator;
  const holderNames = Array.from({ length: options.richWallets + 1 }, (_, index) => holderNameOf(index, random));
  const richWallets = holderNames.slice(1).map((holderName) => state.createWallet({ EUR: richWalletCents }, { holderName }));
  const poorWallet = state.createWallet({ EUR: poorWalletCents }, { holderName: holderNames[0] ?? holderNameOf(0, random) });
  const startBalances = new Map<number, number>([...richWallets.map((id) => [id, richWalletCents] as const), [poorWallet, poorWalletCents]]);
  const expired = await issueExpiredCodes(state, poorWallet, options.expiredCodes, () => simulator.clock.nowSeconds());
  const codesUsed: string[] = [];
  const handOut = (code: string): string => {
    codesUsed.push(code);
    return code;
  };
  return {
    richWallets,
    poorWallet,
    startBalances,
    codesUsed,
    holderNames,
    validCode: (walletId) => handOut(state.issueCode(walletId).code),
    invalidCode: () => handOut(Array.from({ length: 28 }, () => random.int(0, 9)).join('')),
    expiredCode() {
      const code = expired.pop();
      if (code === undefined) throw new Error('ran out of pre-issued expired codes; issue more');
      return handOut(code);
    },
  };
}
