import type { MessageKey } from './i18n/en.ts';

/**
 * The checks the admin forms make before sending, so a slip is named beside its field. They
 * mirror shared/desk-api.ts and the server's username rule (server/auth/usernames.ts); the server
 * checks again and has the last word. Each returns the message to show, or null when fine.
 */

export function normalisedUsername(input: string): string {
  return input.trim().toLowerCase();
}

export function usernameProblem(input: string): MessageKey | null {
  return /^[a-z0-9._-]{2,32}$/.test(normalisedUsername(input)) ? null : 'accounts.usernameRule';
}

export function passwordProblem(password: string): MessageKey | null {
  return password.length >= 10 && password.length <= 256 ? null : 'accounts.passwordRule';
}

export function locationNameProblem(input: string): MessageKey | null {
  const name = input.trim();
  return name.length >= 1 && name.length <= 80 ? null : 'locations.nameRule';
}

/** Empty is fine: the location then has no Paysera id of its own. */
export function payseraIdProblem(input: string): MessageKey | null {
  const id = input.trim();
  return id === '' || (id.length <= 64 && /^[\x21-\x7e]+$/.test(id)) ? null : 'locations.payseraRule';
}
