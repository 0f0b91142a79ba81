/** The key of the lock a cashier's payouts and every write to their shift's drawer take in turn. */
export const cashierLockKey = (username: string): string => `cashier:${username}`;
