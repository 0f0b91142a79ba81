import { api } from './api.ts';
import type { Screen } from './flow.ts';

/**
 * The server counts a refused code against the cash-out before it answers, and its cash-out says
 * how many attempts are left; the refusal itself is the catalogue's one error shape, so the count
 * is read back. Without an answer the screen goes on without a count rather than with a stale one.
 */
export async function withTriesLeft(screen: Screen): Promise<Screen> {
  if (screen.name !== 'error' || screen.next !== 'scan-again') return screen;
  try {
    const cashout = await api.cashout(screen.cashout.id);
    return cashout.status === 'created' ? { ...screen, cashout, triesLeft: cashout.attemptsLeft } : screen;
  } catch {
    return screen;
  }
}
