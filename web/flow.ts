import type { Cashout } from '../shared/api.ts';
import type { Shift } from '../shared/desk-api.ts';
import type { Currency } from '../shared/money.ts';
import { isOneOf, refusalsOfTheCode, refusalsThatEnd, refusalsToScanAgain } from './error-sets.ts';
import { failureOf, failureOfCashout, type Failure } from './failure.ts';

/** An amount carried over to a new cash-out, so the cashier does not type it again. */
export interface AmountPrefill {
  amount: string;
  currency: Currency;
}

/**
 * The screens of a signed-in cashier and the rules that move between them. The server's cash-out
 * status decides where a cash-out goes; when a call's outcome is unclear the UI reads the state
 * back rather than guess, so "give cash" appears only for a cash-out the server reports
 * `confirmed`. No screen here leads to sign-in: a lost session does, in one place (use-session.ts).
 */
export type Screen =
  | { name: 'amount'; notice?: 'cancelled'; prefill?: AmountPrefill }
  | { name: 'scan'; cashout: Cashout; notice?: Failure; refused?: readonly string[] }
  | { name: 'verify'; cashout: Cashout; notice?: Failure }
  | { name: 'checking'; cashout: Cashout; notice?: Failure }
  | { name: 'give-cash'; cashout: Cashout }
  | {
      name: 'error';
      failure: Failure;
      cashout: Cashout;
      next: 'scan-again' | 'new-cashout';
      refused?: readonly string[];
      /** Code attempts the server has left for this cash-out, when it was read after the refusal. */
      triesLeft?: number;
    }
  | { name: 'history' }
  | { name: 'report' }
  | { name: 'settings' }
  | { name: 'shift' }
  | { name: 'shift-open' }
  | { name: 'shift-close'; shift: Shift }
  | { name: 'z-report'; shiftId: string; back: 'shift' | 'shifts' }
  | { name: 'shifts' }
  | { name: 'accounts' }
  | { name: 'locations' };

/** What shows while no cashier is signed in: the session's own screens. */
export type SessionScreen = { name: 'boot' } | { name: 'offline' } | { name: 'signin' };

export type ScreenName = Screen['name'] | SessionScreen['name'];

export function screenForCashout(cashout: Cashout, notice?: Failure): Screen {
  switch (cashout.status) {
    case 'created':
      return { name: 'scan', cashout, notice };
    case 'reserved':
      return { name: 'verify', cashout, notice };
    case 'in_doubt':
      return { name: 'checking', cashout, notice };
    case 'confirmed':
      return { name: 'give-cash', cashout };
    case 'cancelled':
    case 'expired':
    case 'failed':
      return { name: 'error', failure: failureOfCashout(cashout), cashout, next: 'new-cashout' };
  }
}

/** The code just sent (as a fingerprint, see refused-codes.ts) and those refused before it. */
export interface CodeSent {
  fingerprint: string | null;
  refused: readonly string[];
}

export function screenAfterReserveError(cashout: Cashout, error: unknown, sent: CodeSent = { fingerprint: null, refused: [] }): Screen {
  if (isOneOf(refusalsToScanAgain, error)) {
    const refused = sent.fingerprint !== null && refusalsOfTheCode.has(error.code) ? [...sent.refused, sent.fingerprint] : sent.refused;
    return { name: 'error', failure: failureOf(error), cashout, next: 'scan-again', refused };
  }
  if (isOneOf(refusalsThatEnd, error)) {
    return { name: 'error', failure: failureOf(error), cashout, next: 'new-cashout' };
  }
  return { name: 'checking', cashout, notice: failureOf(error) };
}

/** After a failed confirm, cancel or read, what the server did is read back on the checking screen. */
export function screenAfterError(cashout: Cashout, error: unknown): Screen {
  return { name: 'checking', cashout, notice: failureOf(error) };
}

/** Where a reload picks a remembered cash-out up; null when it has ended without payout. */
export function screenToResume(cashout: Cashout): Screen | null {
  const screen = screenForCashout(cashout);
  return screen.name === 'error' ? null : screen;
}

/** What screens may do to the flow; the app implements it. */
export interface FlowControl {
  show(screen: Screen): void;
  /** A cash-out was created: remember it on the device and start scanning. */
  started(cashout: Cashout): void;
  /** The cashier moves on from a settled cash-out: forget it and go home, with its amount typed in when `prefill` is given. */
  finish(notice?: 'cancelled', prefill?: AmountPrefill): void;
}
