const usernamePattern = /^[a-z0-9._-]{2,32}$/;

/** Phones capitalise the first letter of a field; usernames are lower case, so typing "Anna" still works. */
export function normaliseUsername(input: string): string {
  return input.trim().toLowerCase();
}

export function isValidUsername(username: string): boolean {
  return usernamePattern.test(username);
}
