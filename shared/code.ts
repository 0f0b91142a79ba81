/**
 * Reservation codes as a scanner or a person delivers them. Only one example exists (28 digits),
 * so no length or alphabet is assumed beyond printable ASCII and a sane maximum.
 */
export const maxCodeLength = 64;

export type CodeResult = { ok: true; code: string } | { ok: false; reason: string };

export function normaliseCode(input: string): CodeResult {
  if (typeof input !== 'string') return { ok: false, reason: 'Enter the reservation code.' };
  const code = input.trim().replace(/[\s\-\u2010-\u2015]+/g, '');
  if (code === '') return { ok: false, reason: 'Enter the reservation code.' };
  if (!/^[\x21-\x7e]+$/.test(code)) return { ok: false, reason: 'The code contains characters a reservation code never has.' };
  if (code.length > maxCodeLength) return { ok: false, reason: `The code is longer than ${maxCodeLength} characters.` };
  return { ok: true, code };
}
