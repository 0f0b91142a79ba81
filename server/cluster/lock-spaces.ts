/**
 * First halves of the two-number advisory-lock keys Kasa's cluster code takes (the second is
 * `hashtext` of the name). PostgreSQL keeps two-number keys apart from one-number ones, so the
 * store's own advisory locks cannot meet these. A hash collision only serialises two keys more
 * than needed; it never lets two holders in at once.
 */
export const lockSpaces = {
  cashout: 0x4b415301,
  throttle: 0x4b415302,
  sweeperTurn: 0x4b415303,
} as const;
