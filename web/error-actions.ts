import type { Failure } from './failure.ts';

/**
 * The main step an error screen offers, fitted to the error:
 * - `change-amount`: the customer has too little money; cancel and type a lower amount.
 * - `scan-new-code`: the code itself was refused; only a new one from the customer can work.
 * - `scan-again`: the refusal was not about the code (Paysera unreachable, too fast); the same may work.
 * - `new-cashout-same-amount`: the tries ran out; a new cash-out of the same amount starts over.
 * - `new-cashout`: the cash-out has ended for another reason.
 */
export type ErrorAction = 'change-amount' | 'scan-new-code' | 'scan-again' | 'new-cashout-same-amount' | 'new-cashout';

export function mainErrorAction(failure: Failure, next: 'scan-again' | 'new-cashout'): ErrorAction {
  if (next === 'new-cashout') return failure.code === 'TOO_MANY_ATTEMPTS' ? 'new-cashout-same-amount' : 'new-cashout';
  switch (failure.code) {
    case 'INSUFFICIENT_FUNDS':
      return 'change-amount';
    case 'INVALID_CODE':
    case 'CODE_EXPIRED':
      return 'scan-new-code';
    default:
      return 'scan-again';
  }
}
